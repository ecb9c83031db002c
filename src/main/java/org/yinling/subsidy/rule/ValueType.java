package org.yinling.subsidy.rule;

/** What kind of value an elder attribute holds, which decides the operators it allows. */
public enum ValueType {
    NUMBER, BOOLEAN, CHOICE
}
