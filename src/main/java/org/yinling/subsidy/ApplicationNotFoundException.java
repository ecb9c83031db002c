package org.yinling.subsidy;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Missing, or outside the user's region: the two look the same to the user. */
class ApplicationNotFoundException extends ResponseStatusException {

    ApplicationNotFoundException() {
        super(HttpStatus.NOT_FOUND);
    }
}
