package org.yinling.homecare;

/** 居家服务组织, 照料中心, 养老机构 or 助餐 provider. */
public enum ProviderKind {
    HOME_SERVICE, CARE_CENTRE, INSTITUTION, MEAL;

    public String messageKey() {
        return "homecare.provider.kind." + name();
    }
}
