package org.yinling.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No API client with this id: the page's 404. */
class ApiClientNotFoundException extends ResponseStatusException {

    ApiClientNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "No API client " + id);
    }
}
