package org.yinling.elder;

/** An assessment agency (评估机构) a district keeps, with the region it belongs to. */
public record AssessmentAgency(long id, String name, String regionCode, boolean active) {
}
