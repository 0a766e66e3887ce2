package org.ledgerbridge.api;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.users.UserRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ledgerbridge.ledger.LedgerSettings;
import org.ledgerbridge.ledger.PaymentGlDetail;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RestController
@RequestMapping("/api")
@Tag(name = "Administration", description = "Users and settings (ADMIN)")
class AdminApi {

    private final UserAccounts users;
    private final LedgerSettings settings;

    private final org.ledgerbridge.users.ApiTokens tokens;

    AdminApi(UserAccounts users, LedgerSettings settings, org.ledgerbridge.users.ApiTokens tokens) {
        this.tokens = tokens;
        this.users = users;
        this.settings = settings;
    }

    record NewUser(String username, Role role, String password) {
    }

    /**
     * @param paymentGlDetail per entity code, "deposit" or "payment": what its payments imports post to its GL
     */
    record Settings(Boolean allowPrepaymentsAndOverpayments, Map<String, String> paymentGlDetail) {
    }

    @GetMapping("/users")
    List<UserAccounts.UserAccount> users() {
        return users.list();
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "the user added",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = UserAccounts.UserAccount.class)))
    @PostMapping("/users")
    ResponseEntity<Object> addUser(@RequestBody NewUser user, Principal admin) {
        UserAccounts.UserChange change = users.add(user.username(), user.role() == null ? Role.VIEWER : user.role(), user.password(),
                Refusal.actor(admin));
        if (change instanceof UserAccounts.UserRefused refused) {
            return Refusal.of(refused.code(), refused.message());
        }
        return ResponseEntity.status(201).body(((UserAccounts.UserAdded) change).user());
    }

    record NewPassword(String password) {
    }

    record PasswordChange(String current, String password) {
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Disable a login: it can no longer log in, and its web sessions end at their "
            + "next request; the last enabled ADMIN is refused (LAST_ADMIN)")
    @PostMapping("/users/{name}/disable")
    ResponseEntity<Object> disable(@org.springframework.web.bind.annotation.PathVariable String name, Principal admin) {
        return answer(users.setEnabled(name, false, Refusal.actor(admin)));
    }

    @PostMapping("/users/{name}/enable")
    ResponseEntity<Object> enable(@org.springframework.web.bind.annotation.PathVariable String name, Principal admin) {
        return answer(users.setEnabled(name, true, Refusal.actor(admin)));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Set a new password for a login (an administrator's reset)")
    @PostMapping("/users/{name}/password")
    ResponseEntity<Object> resetPassword(@org.springframework.web.bind.annotation.PathVariable String name,
                                         @RequestBody NewPassword body, Principal admin) {
        return answer(users.resetPassword(name, body.password(), Refusal.actor(admin)));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Change your own password, giving the current one")
    @PostMapping("/me/password")
    ResponseEntity<Object> changeOwnPassword(@RequestBody PasswordChange body, Principal me) {
        return answer(users.changeOwnPassword(me.getName(), body.current(), body.password()));
    }

    record NewToken(String name, Role role) {
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Your API tokens, newest first (never their secrets)")
    @GetMapping("/me/tokens")
    List<org.ledgerbridge.users.ApiTokens.ApiToken> myTokens(Principal me) {
        return tokens.list(me.getName());
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Make an API token for yourself: its secret is in this answer only; its role "
            + "is at most yours (and at most the role of the token asking); use it as 'Authorization: Bearer SECRET'")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "the token made, with its secret",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = org.ledgerbridge.users.ApiTokens.Created.class)))
    @PostMapping("/me/tokens")
    ResponseEntity<Object> createToken(@RequestBody NewToken body, Principal me,
                                       org.springframework.security.core.Authentication caller) {
        Role ceiling = java.util.Arrays.stream(Role.values()).filter(r -> caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(r.authority()))).reduce((a, b) -> b).orElse(Role.VIEWER);
        org.ledgerbridge.users.ApiTokens.Outcome outcome = tokens.create(me.getName(), body.name(), body.role(), ceiling, Refusal.actor(me));
        if (outcome instanceof org.ledgerbridge.users.ApiTokens.Refusal refusal) {
            return Refusal.of(refusal.refused().code(), refusal.refused().message());
        }
        return ResponseEntity.status(201).body(((org.ledgerbridge.users.ApiTokens.Made) outcome).created());
    }

    @PostMapping("/me/tokens/{id}/revoke")
    ResponseEntity<Object> revokeToken(@org.springframework.web.bind.annotation.PathVariable long id, Principal me) {
        org.ledgerbridge.users.ApiTokens.Outcome outcome = tokens.revoke(id, me.getName(), Refusal.actor(me));
        if (outcome instanceof org.ledgerbridge.users.ApiTokens.Refusal refusal) {
            return LedgerApi.notFound(refusal.refused().code(), refusal.refused().message());
        }
        return ResponseEntity.ok(((org.ledgerbridge.users.ApiTokens.Revoked) outcome).token());
    }

    private static ResponseEntity<Object> answer(UserAccounts.UserChange change) {
        if (change instanceof UserAccounts.UserRefused refused) {
            return refused.code().equals(UserRule.NO_SUCH_USER) ? LedgerApi.notFound(refused.code(), refused.message())
                    : Refusal.of(refused.code(), refused.message());
        }
        return ResponseEntity.ok(((UserAccounts.UserChanged) change).user());
    }

    @GetMapping("/settings")
    Settings settings() {
        Map<String, String> glDetail = new LinkedHashMap<>();
        settings.paymentGlDetail().forEach((entity, detail) -> glDetail.put(entity, detail.option()));
        return new Settings(settings.allowPrepaymentsAndOverpayments(), glDetail);
    }

    /** Changes the settings the body names; the others stay as they are. */
    @PutMapping("/settings")
    ResponseEntity<Object> updateSettings(@RequestBody Settings update, Principal admin) {
        Map<String, PaymentGlDetail> glDetail = new LinkedHashMap<>();
        if (update.paymentGlDetail() != null) {
            Map<String, PaymentGlDetail> known = settings.paymentGlDetail();
            for (Map.Entry<String, String> entry : update.paymentGlDetail().entrySet()) {
                if (!known.containsKey(entry.getKey())) {
                    return Refusal.of(ImportRule.UNKNOWN_ENTITY, "no financial entity '" + entry.getKey() + "'");
                }
                Optional<PaymentGlDetail> detail = PaymentGlDetail.parse(entry.getValue());
                if (detail.isEmpty()) {
                    return Refusal.of(ImportRule.INVALID_VALUE, "payment GL detail of " + entry.getKey() + " is deposit or payment, not '"
                            + entry.getValue() + "'");
                }
                glDetail.put(entry.getKey(), detail.get());
            }
        }
        if (update.allowPrepaymentsAndOverpayments() != null) {
            settings.setAllowPrepaymentsAndOverpayments(update.allowPrepaymentsAndOverpayments(), Refusal.actor(admin));
        }
        glDetail.forEach((entity, detail) -> settings.setPaymentGlDetail(entity, detail, Refusal.actor(admin)));
        return ResponseEntity.ok(settings());
    }
}
