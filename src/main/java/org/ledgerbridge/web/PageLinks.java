package org.ledgerbridge.web;

import org.ledgerbridge.ledger.Page;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Next page" and "First page" links of a paged screen: the request's own address with the
 * user's filters kept and only the cursor changed. The templates show them with the pager fragment.
 */
final class PageLinks {

    private PageLinks() {
    }

    static void add(Model model, Page<?> page, String cursor) {
        var here = ServletUriComponentsBuilder.fromCurrentRequest();
        model.addAttribute("nextPage", page.more() ? here.cloneBuilder().replaceQueryParam("cursor", page.next()).build().toUriString() : null);
        model.addAttribute("firstPage", cursor == null ? null : here.cloneBuilder().replaceQueryParam("cursor").build().toUriString());
    }
}
