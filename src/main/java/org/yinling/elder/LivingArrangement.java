package org.yinling.elder;

/** Living arrangement (居住状况): alone (独居), only an elderly couple (空巢), or with family. */
public enum LivingArrangement {
    ALONE, EMPTY_NEST, WITH_FAMILY;

    public String messageKey() {
        return "elder.livingArrangement." + name();
    }
}
