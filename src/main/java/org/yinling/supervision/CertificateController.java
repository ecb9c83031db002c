package org.yinling.supervision;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;
import org.yinling.system.Paging;
import org.yinling.system.TitledSheet;

/**
 * Certificates and insurance: the region's list of those that need attention ({@code /supervision/certificates}, by
 * street and kind, paged, as .xlsx) and an institution's certificates with their history and the form that records one
 * ({@code /supervision/institutions/{id}/certificates}).
 */
@Controller
class CertificateController {

    static final String LIST_VIEW = "supervision/certificates";
    static final String VIEW = "supervision/institution-certificates";
    private static final String[] COLUMNS = {"supervision.inspection.institution", "supervision.certificates.community",
            "supervision.certificate.kind", "supervision.certificate.number", "supervision.certificate.issuedOn",
            "supervision.certificate.expiresOn", "supervision.certificate.state"};
    /** Columns wide enough for institution names and numbers. */
    private static final int[] WIDTHS = {28, 16, 20, 22, 12, 12, 10};

    /** Which rows the list shows: those that need attention (default), one state, or all. */
    enum Show {
        ATTENTION(List.of(CertificateState.EXPIRED, CertificateState.MISSING, CertificateState.EXPIRING)),
        EXPIRING(List.of(CertificateState.EXPIRING)),
        EXPIRED(List.of(CertificateState.EXPIRED)),
        MISSING(List.of(CertificateState.MISSING)),
        ALL(List.of(CertificateState.values()));

        private final List<CertificateState> states;

        Show(List<CertificateState> states) {
            this.states = states;
        }

        static Show of(String value) {
            for (Show show : values()) {
                if (show.name().equals(value)) {
                    return show;
                }
            }
            return ATTENTION;
        }
    }

    private final Certificates certificates;
    private final Regions regions;
    private final MessageSource messages;

    CertificateController(Certificates certificates, Regions regions, MessageSource messages) {
        this.certificates = certificates;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/supervision/certificates")
    String list(@RequestParam(required = false) String show, @RequestParam(required = false) String street,
                @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        Show shown = Show.of(show);
        CertificateKind chosenKind = kind(kind);
        String chosenStreet = regions.within(user.scope(), RegionLevel.STREET).stream()
                .map(r -> r.code()).filter(code -> code.equals(street)).findFirst().orElse(null);
        Optional<CertificateStore.Filter> filter = certificates.filter(shown.states, chosenStreet, chosenKind, user);
        model.addAttribute("rows", certificates.list(filter, Paging.of(page, Certificates.PAGE_SIZE)));
        model.addAttribute("tally", certificates.tally(user.scope()));
        model.addAttribute("show", shown.name());
        model.addAttribute("shows", Show.values());
        model.addAttribute("street", chosenStreet);
        model.addAttribute("streets", regions.within(user.scope(), RegionLevel.STREET));
        model.addAttribute("kind", chosenKind);
        model.addAttribute("kinds", CertificateKind.values());
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("").queryParam("show", shown.name());
        if (chosenStreet != null) {
            query.queryParam("street", chosenStreet);
        }
        if (chosenKind != null) {
            query.queryParam("kind", chosenKind.name());
        }
        String params = query.build().toUriString();
        model.addAttribute("base", "/supervision/certificates" + params);
        model.addAttribute("export", "/supervision/certificates.xlsx" + params);
        return LIST_VIEW;
    }

    @GetMapping("/supervision/certificates.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String show, @RequestParam(required = false) String street,
                                  @RequestParam(required = false) String kind, @AuthenticationPrincipal CurrentUser user,
                                  Locale locale) {
        String chosenStreet = regions.within(user.scope(), RegionLevel.STREET).stream()
                .map(r -> r.code()).filter(code -> code.equals(street)).findFirst().orElse(null);
        List<CertificateStore.Row> all = certificates.all(
                certificates.filter(Show.of(show).states, chosenStreet, kind(kind), user));
        // a title row (what and whose) over the column heads, as the project's other workbooks
        String title = text("supervision.certificates.sheet", locale) + " — " + user.getRegionName();
        List<List<Object>> rows = new ArrayList<>();
        for (CertificateStore.Row r : all) {
            rows.add(List.of(r.institutionName(), r.communityName(), text(r.kind().messageKey(), locale),
                    r.number() == null ? "" : r.number(), r.issuedOn() == null ? "" : r.issuedOn().toString(),
                    r.expiresOn() == null ? "" : r.expiresOn().toString(), text(r.state().messageKey(), locale)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TitledSheet.of(title, java.util.stream.Stream.of(COLUMNS).map(key -> text(key, locale)).toList(), WIDTHS)
                .write(out, text("supervision.certificates.sheet", locale), rows);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"certificates.xlsx\"")
                .header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(out.toByteArray());
    }

    @GetMapping("/supervision/institutions/{id}/certificates")
    String institution(@PathVariable long id, @RequestParam(required = false) String kind,
                       @AuthenticationPrincipal CurrentUser user, Model model) {
        CertificateForm form = new CertificateForm();
        form.setKind(kind(kind));
        model.addAttribute("form", form);
        return show(id, user, model);
    }

    @PostMapping("/supervision/institutions/{id}/certificates")
    String record(@PathVariable long id, @ModelAttribute("form") CertificateForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Long recorded = errors.hasErrors() ? null : certificates.record(id, form, user, errors);
        if (recorded == null) {
            return show(id, user, model);
        }
        redirect.addFlashAttribute("flashSuccess", "supervision.certificate.recorded");
        return "redirect:/supervision/institutions/" + id + "/certificates";
    }

    /** A scan of a current certificate (multipart {@code scan}), by whoever may record the institution's certificates. */
    @PostMapping("/supervision/institutions/{id}/certificates/{certificateId}/scan")
    String attachScan(@PathVariable long id, @PathVariable long certificateId,
                      @RequestParam(required = false) MultipartFile scan, @AuthenticationPrincipal CurrentUser user,
                      RedirectAttributes redirect) {
        String error = certificates.attachScan(id, certificateId, scan, user);
        redirect.addFlashAttribute(error == null ? "flashSuccess" : "flashError",
                error == null ? "supervision.certificate.scan.attached" : error);
        return "redirect:/supervision/institutions/" + id + "/certificates";
    }

    private String show(long id, CurrentUser user, Model model) {
        model.addAttribute("institution", certificates.institution(id, user));
        model.addAttribute("rows", certificates.rows(id, user));
        model.addAttribute("history", certificates.history(id, user));
        model.addAttribute("scans", certificates.scans(id, user));
        model.addAttribute("maxMegabytes", EvidenceFiles.MAX_MEGABYTES);
        model.addAttribute("mayRecord", Certificates.mayRecord(user, id));
        model.addAttribute("kinds", CertificateKind.values());
        return VIEW;
    }

    private static CertificateKind kind(String value) {
        for (CertificateKind kind : CertificateKind.values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        return null;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
