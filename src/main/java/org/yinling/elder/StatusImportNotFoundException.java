package org.yinling.elder;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Missing, or uploaded outside the user's region: the two look the same to the user. */
class StatusImportNotFoundException extends ResponseStatusException {

    StatusImportNotFoundException() {
        super(HttpStatus.NOT_FOUND);
    }
}
