/**
 * Care institutions: the registry of institutions with the medical-arrangement rule of seed 002, their beds, and
 * the stays (admission, transfer, discharge) of registered elders, with the 30 % of a public-built-private-run home
 * kept for 特困 elders (seed 003).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Institutions")
package org.yinling.institution;
