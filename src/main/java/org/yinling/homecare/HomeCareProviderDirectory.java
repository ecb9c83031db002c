package org.yinling.homecare;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.ProviderDirectory;

/** The providers user administration offers for provider managers and care workers. */
@Component
class HomeCareProviderDirectory implements ProviderDirectory {

    private final ProviderStore providers;

    HomeCareProviderDirectory(ProviderStore providers) {
        this.providers = providers;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Option> providers() {
        return providers.ofAll().stream().map(p -> new Option(p.id(), p.name())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> districtOf(long providerId) {
        return providers.find(providerId).map(Provider::regionCode);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> nameOf(long providerId) {
        return providers.find(providerId).map(Provider::name);
    }
}
