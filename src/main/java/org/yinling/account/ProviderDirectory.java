package org.yinling.account;

import java.util.List;
import java.util.Optional;

/**
 * The home-care providers a provider manager or care worker may belong to, as user administration needs them. The
 * home-care module implements it, so that accounts do not depend on home care.
 */
public interface ProviderDirectory {

    /** A provider to choose: its id and name. */
    record Option(long id, String name) {
    }

    /** Every provider, by name. */
    List<Option> providers();

    /** The district that contracts the provider, or empty when there is no such provider. */
    Optional<String> districtOf(long providerId);

    /** The provider's name, or empty when there is no such provider. */
    Optional<String> nameOf(long providerId);
}
