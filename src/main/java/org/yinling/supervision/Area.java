package org.yinling.supervision;

/** The areas of an inspection checklist (GB 38600): fire, food, care safety with the nine risks, building, records, staffing. */
public enum Area {
    FIRE, FOOD, CARE, BUILDING, RECORDS, STAFFING;

    public String messageKey() {
        return "supervision.area." + name();
    }
}
