package io.quartermaster.web.it;

import io.quartermaster.web.it.probe.LogProbe;
import io.quartermaster.web.it.probe.OrderEventsProbe;
import io.quartermaster.web.it.probe.ProbeConsumer;
import io.quartermaster.web.it.probe.ProbePinged;
import io.quartermaster.web.it.probe.ProbeSchema;
import io.quartermaster.web.it.probe.ProbeServlet;
import io.quartermaster.web.it.probe.ProbeSwitch;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every integration test uses: the WAR exactly as the build packaged it,
 * plus the probe (a test event, its consumer, its table and a servlet to drive it).
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive quartermaster() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "quartermaster.war")
                .importFrom(new File(System.getProperty("qm.it.war")))
                .as(WebArchive.class);
        war.addClasses(ProbePinged.class, ProbeSchema.class, ProbeConsumer.class, ProbeSwitch.class,
                ProbeServlet.class, LogProbe.class, Poll.class, OrderEventsProbe.class, ProbeEffects.class);
        war.addAsResource("it-probe/db/migration/it_probe/V1__probe.sql", "db/migration/it_probe/V1__probe.sql");
        return war;
    }
}
