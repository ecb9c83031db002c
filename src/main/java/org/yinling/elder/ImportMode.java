package org.yinling.elder;

/** What an import does with rows whose resident ID is already registered. */
enum ImportMode {
    UPDATE, SKIP
}
