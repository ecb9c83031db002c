package org.yinling.system;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload over the size limit: a page that says so and what the limit is, instead of a reset connection. */
@ControllerAdvice
class UploadLimitHandler {

    static final String VIEW = "error/413";

    private final DataSize maxFileSize;

    UploadLimitHandler(@Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("maxMegabytes", maxFileSize.toMegabytes());
        return VIEW;
    }
}
