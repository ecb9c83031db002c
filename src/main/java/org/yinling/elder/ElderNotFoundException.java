package org.yinling.elder;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Missing, or outside the user's region: the two look the same to the user. */
class ElderNotFoundException extends ResponseStatusException {

    ElderNotFoundException() {
        super(HttpStatus.NOT_FOUND);
    }
}
