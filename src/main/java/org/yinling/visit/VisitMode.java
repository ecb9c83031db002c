package org.yinling.visit;

/** How a visit was made: 上门 (at home), 电话 (phone), 视频 (video). */
public enum VisitMode {
    HOME, PHONE, VIDEO;

    public String messageKey() {
        return "visit.mode." + name();
    }
}
