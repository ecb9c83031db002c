package org.yinling.elder;

/** The category on a disability certificate (残疾人证), as GB/T 26341-2010 names them. */
public enum DisabilityCategory {
    VISUAL, HEARING, SPEECH, PHYSICAL, INTELLECTUAL, MENTAL, MULTIPLE;

    public String messageKey() {
        return "elder.disabilityCategory." + name();
    }
}
