package org.yinling.account;

import java.time.Instant;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final Regions regions;

    AccountUserDetailsService(AppUserRepository users, Regions regions) {
        this.users = users;
        this.regions = regions;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username.trim()).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        RegionView region = regions.find(user.getRegionCode())
                .orElseThrow(() -> new IllegalStateException("User without a region: " + user.getId()));
        return new CurrentUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getPasswordHash(),
                user.getRole(), region.code(), region.name(), region.level(), user.isEnabled(),
                user.isLockedAt(Instant.now()), user.isPasswordChangeRequired(), user.getProviderId(),
                user.getInstitutionId());
    }
}
