package org.ledgerbridge.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.ledgerbridge.ledger.LedgerSettings;
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
import java.util.List;

@RestController
@RequestMapping("/api")
@Tag(name = "Administration", description = "Users and settings (ADMIN)")
class AdminApi {

    private final UserAccounts users;
    private final LedgerSettings settings;

    AdminApi(UserAccounts users, LedgerSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    record NewUser(String username, Role role, String password) {
    }

    record Settings(boolean allowPrepaymentsAndOverpayments) {
    }

    @GetMapping("/users")
    List<UserAccounts.UserAccount> users() {
        return users.list();
    }

    @PostMapping("/users")
    ResponseEntity<Object> addUser(@RequestBody NewUser user, Principal admin) {
        UserAccounts.UserChange change = users.add(user.username(), user.role() == null ? Role.VIEWER : user.role(), user.password(),
                Refusal.actor(admin));
        if (change instanceof UserAccounts.UserRefused refused) {
            return Refusal.of(refused.code(), refused.message());
        }
        return ResponseEntity.status(201).body(((UserAccounts.UserAdded) change).user());
    }

    @GetMapping("/settings")
    Settings settings() {
        return new Settings(settings.allowPrepaymentsAndOverpayments());
    }

    @PutMapping("/settings")
    Settings updateSettings(@RequestBody Settings update, Principal admin) {
        settings.setAllowPrepaymentsAndOverpayments(update.allowPrepaymentsAndOverpayments(), Refusal.actor(admin));
        return settings();
    }
}
