package org.yinling.region;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The street / community filter of every list: it narrows the user's scope and never widens it. */
class RegionScopeTest {

    private static final RegionScope DISTRICT = new RegionScope("330105");
    private static final RegionScope SHANGTANG = new RegionScope("330105001");
    private static final RegionScope LANTIAN = new RegionScope("330105001001");
    private static final String SHANGTANG_STREET = "330105001000";
    private static final String XIANGFU_STREET = "330105002000";
    private static final String LANTIAN_COMMUNITY = "330105001001";
    private static final String GUASHAN_COMMUNITY = "330105001002";
    private static final String XIANGFU_COMMUNITY = "330105002001";

    @Test
    void nothingChosenOrSomethingUnreadableKeepsTheUsersScope() {
        assertThat(DISTRICT.narrowedTo(null, null)).contains(DISTRICT);
        assertThat(DISTRICT.narrowedTo("", " ")).contains(DISTRICT);
        assertThat(DISTRICT.narrowedTo("3301050010", "x' OR 1=1 --")).contains(DISTRICT);
        assertThat(RegionScope.everything().narrowedTo(null, null)).contains(RegionScope.everything());
    }

    @Test
    void aStreetOrCommunityInsideTheScopeNarrowsIt() {
        assertThat(DISTRICT.narrowedTo(SHANGTANG_STREET, null)).contains(SHANGTANG);
        assertThat(DISTRICT.narrowedTo(null, LANTIAN_COMMUNITY)).contains(LANTIAN);
        assertThat(DISTRICT.narrowedTo(SHANGTANG_STREET, GUASHAN_COMMUNITY)).contains(new RegionScope(GUASHAN_COMMUNITY));
        assertThat(RegionScope.everything().narrowedTo(XIANGFU_STREET, null)).contains(new RegionScope("330105002"));
        // the user's own street or community chosen again changes nothing
        assertThat(SHANGTANG.narrowedTo(SHANGTANG_STREET, null)).contains(SHANGTANG);
        assertThat(LANTIAN.narrowedTo(SHANGTANG_STREET, LANTIAN_COMMUNITY)).contains(LANTIAN);
    }

    @Test
    void aCommunityOfAnotherStreetThanTheOneChosenSelectsNothing() {
        assertThat(DISTRICT.narrowedTo(SHANGTANG_STREET, XIANGFU_COMMUNITY)).isEmpty();
        assertThat(DISTRICT.narrowedTo(XIANGFU_STREET, LANTIAN_COMMUNITY)).isEmpty();
    }

    @Test
    void nothingOutsideTheUsersScopeIsEverSelected() {
        // a street reviewer of Shangtang choosing Xiangfu, or one of its communities
        assertThat(SHANGTANG.narrowedTo(XIANGFU_STREET, null)).isEmpty();
        assertThat(SHANGTANG.narrowedTo(null, XIANGFU_COMMUNITY)).isEmpty();
        // a community clerk choosing a neighbour, or another district's street
        assertThat(LANTIAN.narrowedTo(null, GUASHAN_COMMUNITY)).isEmpty();
        assertThat(LANTIAN.narrowedTo(XIANGFU_STREET, null)).isEmpty();
        assertThat(DISTRICT.narrowedTo("330106001000", null)).isEmpty();
        // whatever is chosen, the result lies inside the scope
        for (String street : new String[] {null, SHANGTANG_STREET, XIANGFU_STREET, "330106001000"}) {
            for (String community : new String[] {null, LANTIAN_COMMUNITY, GUASHAN_COMMUNITY, XIANGFU_COMMUNITY}) {
                for (RegionScope scope : new RegionScope[] {DISTRICT, SHANGTANG, LANTIAN}) {
                    Optional<RegionScope> narrowed = scope.narrowedTo(street, community);
                    narrowed.ifPresent(n -> assertThat(n.prefix()).startsWith(scope.prefix()));
                }
            }
        }
    }

    @Test
    void oneCommunityIsAnEqualityEverythingWiderAPrefixMatch() {
        assertThat(LANTIAN.condition("a.community_code", "scope")).isEqualTo("a.community_code = :scope");
        assertThat(LANTIAN.condition("community_code")).isEqualTo("community_code = ?");
        assertThat(LANTIAN.sqlValue()).isEqualTo("330105001001");
        assertThat(SHANGTANG.condition("e.community_code", "scope")).isEqualTo("e.community_code LIKE :scope");
        assertThat(SHANGTANG.sqlValue()).isEqualTo("330105001%");
        assertThat(RegionScope.everything().sqlValue()).isEqualTo("%");
        assertThatThrownBy(() -> LANTIAN.condition("code; DROP TABLE elder", "scope"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LANTIAN.condition("code", "scope OR 1=1")).isInstanceOf(IllegalArgumentException.class);
    }
}
