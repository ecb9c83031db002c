/**
 * Meal points: the registry of community canteens and meal points, meals recorded at the counter (one per elder,
 * day and meal, with the elder's category of that day), per-meal subsidy rates and monthly settlements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meal points")
package org.yinling.meal;
