package org.ledgerbridge.web;

import org.ledgerbridge.users.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Arrays;

/** Who is logged in and what their role lets the screens offer (the access rules decide; this only hides buttons). */
@ControllerAdvice(basePackageClasses = CurrentUser.class)
class CurrentUser {

    record Viewer(String name, Role role) {
        public boolean canPrepare() {
            return role.includes(Role.PREPARER);
        }

        public boolean canApprove() {
            return role.includes(Role.APPROVER);
        }

        public boolean isAdmin() {
            return role.includes(Role.ADMIN);
        }
    }

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        Role role = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority)))
                .max(Enum::compareTo).orElse(Role.VIEWER);
        return new Viewer(authentication.getName(), role);
    }

    static String actor(Authentication authentication) {
        return "web:" + authentication.getName();
    }
}
