package org.yinling.system;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record changed by someone else between our read and our write: a clear page that says so, instead of a 500.
 * (Forms check the version first and show a field-level message; this catches the narrow race after that check.)
 */
@ControllerAdvice
class ConflictHandler {

    static final String VIEW = "error/409";

    @ExceptionHandler(OptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String concurrentEdit() {
        return VIEW;
    }
}
