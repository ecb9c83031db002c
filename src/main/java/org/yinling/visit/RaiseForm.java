package org.yinling.visit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A visitor's raise of an elder's tier: to which tier, and why (required). */
public record RaiseForm(@NotNull RiskTier tier, @Size(max = 500) String reason) {

    static RaiseForm blank() {
        return new RaiseForm(RiskTier.HIGH, "");
    }
}
