package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yinling.account.CurrentUser;
import org.yinling.elder.ResidentId;

/**
 * {@code /home-care/work}: the care worker's phone pages. Their orders of today and the next days (closed ones for a
 * few days), an order with the elder's address and phone, check-in and check-out at the server's time, and the
 * elder's confirmation by a drawn signature or the service card's code.
 */
@Controller
@RequestMapping("/home-care/work")
class WorkController {

    static final String LIST_VIEW = "homecare/work";
    static final String ORDER_VIEW = "homecare/work-order";
    /** How many days ahead the list shows, today included. */
    static final int DAYS_AHEAD = 7;

    private final OrderWorkflow workflow;
    private final OrderStore orders;
    private final Clock clock;

    WorkController(OrderWorkflow workflow, OrderStore orders, Clock clock) {
        this.workflow = workflow;
        this.orders = orders;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime until = today.plusDays(DAYS_AHEAD).atStartOfDay(clock.getZone()).toOffsetDateTime();
        model.addAttribute("orders", orders.worklist(HomeCareScope.of(user), OffsetDateTime.now(clock), until));
        model.addAttribute("today", today);
        return LIST_VIEW;
    }

    @GetMapping("/{orderId}")
    String order(@PathVariable long orderId, @AuthenticationPrincipal CurrentUser user, Model model) {
        OrderView order = workflow.workerView(orderId, user);
        model.addAttribute("order", order);
        model.addAttribute("maskedResidentId", ResidentId.mask(order.elderResidentId()));
        model.addAttribute("codeTries", OrderWorkflow.CODE_TRIES);
        return ORDER_VIEW;
    }

    @PostMapping("/{orderId}/check-in")
    String checkIn(@PathVariable long orderId, @RequestParam(required = false) String latitude,
                   @RequestParam(required = false) String longitude, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect) {
        return done(workflow.checkIn(orderId, latitude, longitude, user), orderId, redirect);
    }

    @PostMapping("/{orderId}/check-out")
    String checkOut(@PathVariable long orderId, @RequestParam(required = false) String workDone,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.checkOut(orderId, workDone, user), orderId, redirect);
    }

    @PostMapping("/{orderId}/signature")
    String signature(@PathVariable long orderId, @RequestParam(required = false) String signature,
                     @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.confirmBySignature(orderId, signature, user), orderId, redirect);
    }

    @PostMapping("/{orderId}/card-code")
    String cardCode(@PathVariable long orderId, @RequestParam(required = false) String code,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return done(workflow.confirmByCode(orderId, code, user), orderId, redirect);
    }

    private static String done(OrderOutcome outcome, long orderId, RedirectAttributes redirect) {
        OrderController.flash(outcome, redirect);
        return "redirect:/home-care/work/" + orderId;
    }
}
