package org.ledgerbridge.api;

import org.ledgerbridge.imports.ImportRule;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ledgerbridge.imports.MappingProfiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/mappings")
@Tag(name = "Mapping profiles", description = "Column-mapping profiles kept in the ledger, picked by name at import (mappingProfile=NAME)")
class MappingsApi {

    private final MappingProfiles profiles;

    MappingsApi(MappingProfiles profiles) {
        this.profiles = profiles;
    }

    @Operation(summary = "Every saved mapping profile, by name, with its text")
    @GetMapping
    Map<String, List<MappingProfiles.SavedProfile>> list() {
        return Map.of("mappings", profiles.list());
    }

    @Operation(summary = "One saved mapping profile; 404 MAPPING_NOT_FOUND")
    @GetMapping("/{name}")
    ResponseEntity<Object> find(@PathVariable String name) {
        return profiles.find(name).<ResponseEntity<Object>>map(ResponseEntity::ok).orElseGet(() -> notFound(name));
    }

    @Operation(summary = "Saves the profile in the body (YAML or JSON, as written) under the name, replacing one of that name; "
            + "201 when new; 422 INVALID_MAPPING or INVALID_MAPPING_NAME")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "the profile saved under a new name",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = MappingProfiles.SavedProfile.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the profile that replaced one of that name",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = MappingProfiles.SavedProfile.class)))
    @PutMapping("/{name}")
    ResponseEntity<Object> save(@PathVariable String name, @RequestBody String profile, Principal user) {
        MappingProfiles.Change change = profiles.save(name, profile, Refusal.actor(user));
        if (change instanceof MappingProfiles.Refused refused) {
            return Refusal.of(refused.code(), refused.message());
        }
        MappingProfiles.Saved saved = (MappingProfiles.Saved) change;
        return ResponseEntity.status(saved.replaced() ? HttpStatus.OK : HttpStatus.CREATED).body(saved.profile());
    }

    @Operation(summary = "Deletes a saved mapping profile; 404 MAPPING_NOT_FOUND")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "deleted")
    @DeleteMapping("/{name}")
    ResponseEntity<Object> delete(@PathVariable String name, Principal user) {
        MappingProfiles.Change change = profiles.delete(name, Refusal.actor(user));
        if (change instanceof MappingProfiles.Refused) {
            return notFound(name);
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Object> notFound(String name) {
        return LedgerApi.notFound(ImportRule.MAPPING_NOT_FOUND, MappingProfiles.notFound(name).message());
    }
}
