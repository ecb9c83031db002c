package org.yinling.region;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class RegionNotFoundException extends ResponseStatusException {

    RegionNotFoundException(String code) {
        super(HttpStatus.NOT_FOUND, "No region " + code);
    }
}
