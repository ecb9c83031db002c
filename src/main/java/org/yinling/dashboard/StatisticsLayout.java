package org.yinling.dashboard;

import java.util.List;

/**
 * A field layout of the monthly statistics export (upward reporting to the city and province platforms and the
 * ministry's statistics, issue 22 §4): which fields, in which order, under which codes. A layout version, once
 * published, is never edited: a change of the receiving system's format is a new class with the next version
 * number, registered in {@link StatisticsLayouts}; the older versions stay for receivers that still read them.
 * {@code StatisticsLayoutTest} pins every published version's field codes, order and descriptions. See
 * docs/statistics-layout.md.
 */
interface StatisticsLayout {

    /** The version number receivers ask for ({@code layout=1}). */
    int version();

    /** The fields in the order the receiving system reads them. */
    List<StatisticsField> fields();
}
