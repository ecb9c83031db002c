package org.yinling.region;

/** Figures computed from the communities below a region; never stored, so they cannot disagree with their parts. */
record RegionTotals(long communities, long urbanCommunities, long registeredPopulation) {
}
