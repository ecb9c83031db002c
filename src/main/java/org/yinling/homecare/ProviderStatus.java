package org.yinling.homecare;

/** A provider under contract takes orders; a suspended one takes none. */
public enum ProviderStatus {
    ACTIVE, SUSPENDED;

    public String messageKey() {
        return "homecare.provider.status." + name();
    }
}
