package org.ledgerbridge.web;

import org.ledgerbridge.projects.Projects;
import org.ledgerbridge.receivables.DocumentChange;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Migrated projects: their balances, pro forma invoices and revenue lines; releasing them. */
@Controller
class ProjectsController {

    private static final int PAGE = 100;

    private final Projects projects;

    ProjectsController(Projects projects) {
        this.projects = projects;
    }

    @GetMapping("/projects")
    String projects(@RequestParam(required = false) String cursor, Model model) {
        var page = projects.page(null, cursor, PAGE);
        model.addAttribute("projects", page.items());
        PageLinks.add(model, page, cursor);
        return "projects";
    }

    @GetMapping("/projects/{project}")
    String project(@PathVariable String project, Model model) {
        model.addAttribute("project", projects.find(project)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no project " + project)));
        return "project";
    }

    @PostMapping("/projects/release")
    String release(Authentication user, RedirectAttributes redirect) {
        DocumentChange change = projects.release(CurrentUser.actor(user));
        if (change instanceof DocumentChange.Refused refused) {
            redirect.addFlashAttribute("error", refused.code() + ": " + refused.message());
        } else if (change instanceof DocumentChange.Done done) {
            redirect.addFlashAttribute("message", done.changed() + " pro forma invoice(s) and project transaction(s) released; "
                    + "no journal posted");
        }
        return "redirect:/projects";
    }
}
