package org.yinling.supervision;

/** The kind of an incident in an institution: GB 38600's nine risks, fire, food poisoning, other. */
public enum IncidentKind {
    FALL, FALL_FROM_BED, CHOKING, WRONG_MEDICINE, SCALD, PRESSURE_SORE, WANDERING, HARM, ACTIVITY, FIRE, FOOD_POISONING,
    OTHER;

    public String messageKey() {
        return "supervision.incidentKind." + name();
    }
}
