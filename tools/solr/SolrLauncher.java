// Serves one standalone Solr core over HTTP on 127.0.0.1 for local development and tests.
// Run: java -cp 'tools/solr/target/lib/*' tools/solr/SolrLauncher.java <solrHome> <port> <core>
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

public class SolrLauncher {
  public static void main(String[] args) throws Exception {
    Path home = Paths.get(args[0]).toAbsolutePath().normalize();
    int port = Integer.parseInt(args[1]);
    String coreName = args[2];
    if (!Files.isRegularFile(home.resolve("solr.xml"))) {
      fail("no solr.xml in " + home, null);
    }
    System.setProperty("solr.solr.home", home.toString());
    System.setProperty("jetty.port", Integer.toString(port));

    JettyConfig config = JettyConfig.builder()
        .setPort(port)
        .stopAtShutdown(true)
        .withPortRetryTime(0) // fail at once on a busy port instead of retrying for a minute
        .build();
    JettySolrRunner jetty = new JettySolrRunner(home.toString(), new Properties(), config);
    try {
      jetty.start();
    } catch (Exception e) {
      fail("Solr failed to start on port " + port + ": " + e, jetty);
    }
    CoreContainer cc = jetty.getCoreContainer();
    if (cc == null) {
      fail("Solr has no core container (see the log above)", jetty);
    }
    // A core that fails to load does not make start() throw, so check explicitly.
    cc.getCoreInitFailures().forEach((name, failure) ->
        System.err.println("[solr-launcher] core '" + name + "' failed to load: " + failure.exception));
    if (!cc.getCoreInitFailures().isEmpty()) {
      fail("a Solr core failed to load", jetty);
    }
    try (SolrCore core = cc.getCore(coreName)) {
      if (core == null) {
        fail("core '" + coreName + "' not found under " + home, jetty);
      }
    }
    System.out.println("[solr-launcher] READY " + jetty.getBaseUrl() + "/" + coreName);
    System.out.flush();
    new CountDownLatch(1).await();
  }

  private static void fail(String message, JettySolrRunner jetty) {
    System.err.println("[solr-launcher] " + message);
    if (jetty != null) {
      try {
        jetty.stop();
      } catch (Exception ignored) {
        // already failing; the message above is what matters
      }
    }
    System.exit(1);
  }
}
