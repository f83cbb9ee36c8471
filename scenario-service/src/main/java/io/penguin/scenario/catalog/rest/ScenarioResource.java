package io.penguin.scenario.catalog.rest;

import io.penguin.scenario.catalog.service.ScenarioCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioResource {

    private final ScenarioCatalog catalog;

    public ScenarioResource(ScenarioCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<ScenarioSummary> list() {
        return catalog.all().stream().map(ScenarioSummary::of).toList();
    }
}
