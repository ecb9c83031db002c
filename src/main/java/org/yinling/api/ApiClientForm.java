package org.yinling.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The register and edit form of an API client: its name, the region it may see, its scopes and its rate limit. */
record ApiClientForm(
        @NotBlank @Size(max = 100) String name,
        String regionCode,
        List<String> scopes,
        @NotNull @Min(1) @Max(ApiClientForm.MAX_RATE_LIMIT) Integer rateLimitPerMinute) {

    static final int DEFAULT_RATE_LIMIT = 600;
    static final int MAX_RATE_LIMIT = 100_000;

    ApiClientForm {
        scopes = scopes == null ? List.of() : List.copyOf(scopes.stream().filter(s -> s != null).toList());
    }

    static ApiClientForm blank() {
        return new ApiClientForm("", "", List.of(), DEFAULT_RATE_LIMIT);
    }

    static ApiClientForm of(ApiClient client) {
        return new ApiClientForm(client.name(), client.regionCode(), client.scopes(), client.rateLimitPerMinute());
    }
}
