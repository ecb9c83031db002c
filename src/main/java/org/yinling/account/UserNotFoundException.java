package org.yinling.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class UserNotFoundException extends ResponseStatusException {

    UserNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "No user " + id);
    }
}
