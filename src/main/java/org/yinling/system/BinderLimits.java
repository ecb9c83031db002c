package org.yinling.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bounds what binding a request may build. Spring grows a form's lists up to the highest index a request names
 * (256 by default), and nested lists multiply: {@code groups[255].criteria[255].values[255]=1} made the policy
 * simulation build millions of empty rows (3.3 s and 420 MB for eight requests, penetration test L2). Our forms have
 * a few slots per list (the policy form: {@code PolicyForm.GROUP_SLOTS} and its siblings, which it checks with field
 * messages), so lists grow to at most {@value #AUTO_GROW_LIMIT} entries, and a request naming a higher index is a bad
 * request (400) before any binding (beyond the limit, constructor binding of a record would fail on the index).
 */
@ControllerAdvice
class BinderLimits {

    /** The most entries a bound list may have; indexes from 0 to this minus one. */
    static final int AUTO_GROW_LIMIT = 32;

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    @InitBinder
    void boundLists(WebDataBinder binder, WebRequest request) {
        binder.setAutoGrowCollectionLimit(AUTO_GROW_LIMIT);
        for (String name : request.getParameterMap().keySet()) {
            Matcher index = INDEX.matcher(name);
            while (index.find()) {
                String digits = index.group(1);
                if (digits.length() > 3 || Integer.parseInt(digits) >= AUTO_GROW_LIMIT) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a list index beyond the limit");
                }
            }
        }
    }
}
