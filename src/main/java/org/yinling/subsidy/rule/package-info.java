/** Policy rules: criteria and tiers as data, compiled to SQL and evaluated in Java. Used by payments too. */
@org.springframework.modulith.NamedInterface("rule")
package org.yinling.subsidy.rule;
