package org.ledgerbridge.web;

import org.ledgerbridge.delivery.GlTargets;
import org.ledgerbridge.delivery.GlTarget;
import org.ledgerbridge.imports.MappingProfiles;
import org.ledgerbridge.ledger.LedgerSettings;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Entities, accounts, payment methods, GL targets, the prepayment switch and the users. */
@Controller
class SettingsController {

    static final int ACCOUNTS_SHOWN = 1000;

    private final LedgerSetup setup;
    private final LedgerSettings settings;
    private final GlTargets glTargets;
    private final UserAccounts users;
    private final MappingProfiles mappings;

    SettingsController(LedgerSetup setup, LedgerSettings settings, GlTargets glTargets, UserAccounts users, MappingProfiles mappings) {
        this.mappings = mappings;
        this.setup = setup;
        this.settings = settings;
        this.glTargets = glTargets;
        this.users = users;
    }

    @GetMapping("/settings")
    String settings(Model model, Authentication user) {
        var accounts = setup.accounts();
        model.addAttribute("entities", setup.entities().values());
        model.addAttribute("accounts", accounts.subList(0, Math.min(ACCOUNTS_SHOWN, accounts.size())));
        model.addAttribute("accountCount", accounts.size());
        model.addAttribute("paymentMethods", setup.paymentMethods());
        model.addAttribute("closedPeriods", setup.closedPeriods());
        model.addAttribute("targets", glTargets.targets());
        model.addAttribute("targetTypes", GlTarget.Type.values());
        model.addAttribute("allowOverpayments", settings.allowPrepaymentsAndOverpayments());
        model.addAttribute("paymentGlDetail", settings.paymentGlDetail());
        model.addAttribute("roles", Role.values());
        model.addAttribute("mappings", mappings.list());
        boolean admin = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        model.addAttribute("users", admin ? users.list() : java.util.List.of());
        return "settings";
    }

    @PostMapping("/settings/allow-overpayments")
    String allowOverpayments(@RequestParam boolean allow, Authentication user, RedirectAttributes redirect) {
        settings.setAllowPrepaymentsAndOverpayments(allow, CurrentUser.actor(user));
        redirect.addFlashAttribute("message", "Prepayments and overpayments are " + (allow ? "allowed" : "refused") + ".");
        return "redirect:/settings";
    }

    @PostMapping("/settings/payment-gl-detail")
    String paymentGlDetail(@RequestParam String entity, @RequestParam String detail, Authentication user, RedirectAttributes redirect) {
        java.util.Optional<org.ledgerbridge.ledger.PaymentGlDetail> chosen = org.ledgerbridge.ledger.PaymentGlDetail.parse(detail);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("error", "INVALID_VALUE: payments post deposit journals or a journal per payment, not '" + detail + "'");
        } else if (!settings.setPaymentGlDetail(entity, chosen.get(), CurrentUser.actor(user))) {
            redirect.addFlashAttribute("error", "UNKNOWN_ENTITY: no financial entity '" + entity + "'");
        } else {
            redirect.addFlashAttribute("message", "Payments of " + entity + " post " + (chosen.get() == org.ledgerbridge.ledger.PaymentGlDetail.DEPOSIT
                    ? "deposit journals" : "a journal per payment") + ".");
        }
        return "redirect:/settings";
    }

    /** Saves a column mapping; a refused one comes back with what was typed and the reason beside the field. */
    @PostMapping("/settings/mappings")
    String saveMapping(@RequestParam String name, @RequestParam String profile, Authentication user, RedirectAttributes redirect) {
        MappingProfiles.Change change = mappings.save(name, profile, CurrentUser.actor(user));
        if (change instanceof MappingProfiles.Refused refused) {
            redirect.addFlashAttribute("error", "The column mapping was not saved: " + refused.message());
            redirect.addFlashAttribute("mappingError", refused.message());
            redirect.addFlashAttribute("mappingName", name);
            redirect.addFlashAttribute("mappingText", profile);
            return "redirect:/settings#mapping-form";
        }
        MappingProfiles.Saved saved = (MappingProfiles.Saved) change;
        redirect.addFlashAttribute("message", "Column mapping " + saved.profile().name() + (saved.replaced() ? " replaced." : " saved."));
        return "redirect:/settings#mappings-heading";
    }

    @PostMapping("/settings/mappings/{name}/delete")
    String deleteMapping(@org.springframework.web.bind.annotation.PathVariable String name, Authentication user, RedirectAttributes redirect) {
        MappingProfiles.Change change = mappings.delete(name, CurrentUser.actor(user));
        if (change instanceof MappingProfiles.Refused refused) {
            redirect.addFlashAttribute("error", refused.message());
        } else {
            redirect.addFlashAttribute("message", "Column mapping " + name + " deleted.");
        }
        return "redirect:/settings#mappings-heading";
    }

    @PostMapping("/settings/gl-targets")
    String addTarget(@RequestParam String name, @RequestParam GlTarget.Type type, @RequestParam(defaultValue = "") String format,
                     @RequestParam(defaultValue = "") String path, @RequestParam(defaultValue = "") String url,
                     Authentication user, RedirectAttributes redirect) {
        GlTargets.TargetChange change = glTargets.addTarget(name, type, blankToNull(format), blankToNull(path), blankToNull(url),
                CurrentUser.actor(user));
        if (change instanceof GlTargets.TargetRefused refused) {
            redirect.addFlashAttribute("error", "The GL target was not added: " + refused.message());
            // what was typed comes back, with the reason beside the form
            redirect.addFlashAttribute("targetError", refused.message());
            redirect.addFlashAttribute("typedTarget", java.util.Map.of("name", name, "type", type.name(), "format", format,
                    "path", path, "url", url));
            return "redirect:/settings#target-form";
        } else {
            redirect.addFlashAttribute("message", "GL target " + name + " added.");
        }
        return "redirect:/settings";
    }

    @PostMapping("/settings/users")
    String addUser(@RequestParam String username, @RequestParam Role role, @RequestParam String password,
                   Authentication user, RedirectAttributes redirect) {
        UserAccounts.UserChange change = users.add(username, role, password, CurrentUser.actor(user));
        if (change instanceof UserAccounts.UserRefused refused) {
            redirect.addFlashAttribute("error", "The user was not added: " + refused.message());
            redirect.addFlashAttribute("userError", refused.message());
            redirect.addFlashAttribute("typedUser", java.util.Map.of("username", username, "role", role.name()));
            return "redirect:/settings#user-form";
        } else {
            redirect.addFlashAttribute("message", "User " + username + " added with role " + role + ".");
        }
        return "redirect:/settings";
    }

    @PostMapping("/settings/users/{name}/enabled")
    String setEnabled(@org.springframework.web.bind.annotation.PathVariable String name, @RequestParam boolean enabled,
                      Authentication user, RedirectAttributes redirect) {
        report(users.setEnabled(name, enabled, CurrentUser.actor(user)), "User " + name + (enabled ? " enabled." : " disabled."), redirect);
        return "redirect:/settings";
    }

    @PostMapping("/settings/users/{name}/password")
    String resetPassword(@org.springframework.web.bind.annotation.PathVariable String name, @RequestParam String password,
                         Authentication user, RedirectAttributes redirect) {
        report(users.resetPassword(name, password, CurrentUser.actor(user)), "New password set for " + name + ".", redirect);
        return "redirect:/settings";
    }

    /** Your own password: the current one, then the new one. */
    @org.springframework.web.bind.annotation.GetMapping("/me/password")
    String passwordForm() {
        return "password";
    }

    @PostMapping("/me/password")
    String changeOwnPassword(@RequestParam String current, @RequestParam String password, Authentication user,
                             RedirectAttributes redirect) {
        report(users.changeOwnPassword(user.getName(), current, password), "Your password is changed.", redirect);
        return "redirect:/me/password";
    }

    private static void report(UserAccounts.UserChange change, String done, RedirectAttributes redirect) {
        if (change instanceof UserAccounts.UserRefused refused) {
            redirect.addFlashAttribute("error", refused.message());
        } else {
            redirect.addFlashAttribute("message", done);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
