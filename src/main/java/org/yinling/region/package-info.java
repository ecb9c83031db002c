/**
 * Regions: the district → street/township → community/village tree with statistical codes, urban/rural class and
 * registered population. Other modules use {@link org.yinling.region.Regions} and {@link org.yinling.region.RegionScope}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions",
        allowedDependencies = {"audit", "system"})
package org.yinling.region;
