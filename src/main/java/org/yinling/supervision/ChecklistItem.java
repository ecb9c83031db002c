package org.yinling.supervision;

import java.util.Locale;

/** One item of a checklist version: its area, its name in both languages and the severity if it fails. */
public record ChecklistItem(long id, int position, Area area, String nameZh, String nameEn, Severity severity) {

    /** The items grouped by area, in the areas' order. */
    static java.util.Map<Area, java.util.List<ChecklistItem>> byArea(java.util.List<ChecklistItem> items) {
        java.util.Map<Area, java.util.List<ChecklistItem>> groups = new java.util.EnumMap<>(Area.class);
        for (ChecklistItem item : items) {
            groups.computeIfAbsent(item.area(), a -> new java.util.ArrayList<>()).add(item);
        }
        return groups;
    }

    /** The name in the page's language (Chinese unless the page is English). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
