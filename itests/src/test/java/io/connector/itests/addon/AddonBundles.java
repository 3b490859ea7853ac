package io.connector.itests.addon;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import org.ops4j.pax.tinybundles.core.TinyBundle;
import org.ops4j.pax.tinybundles.core.TinyBundles;

/**
 * Builds the addon bundle, in two versions, in the test's own JVM before the container starts.
 * Pax Exam's TinyBundles (2.1) comes with a bnd too old for Java 17 classes, so the bundle is
 * assembled raw: its headers and its component description are written out here, as bnd would
 * generate them from {@code @Component} and {@code @UnitFor}.
 */
public final class AddonBundles {

    public static final String SYMBOLIC_NAME = "io.connector.itests.addon";
    public static final String COMPONENT = "io.connector.itests.addon.CategoryAddonMapper";
    public static final String REPLACED = "io.connector.magento.mapper.PartnerCategoryImportMapper";

    private AddonBundles() {
    }

    /** Writes {@code addon-1.0.0.jar} and {@code addon-2.0.0.jar} into {@code dir}. */
    public static void write(File dir) throws IOException {
        Files.createDirectories(dir.toPath());
        copy(build("1.0.0", CategoryAddonMapperV1.class), new File(dir, "addon-1.0.0.jar"));
        copy(build("2.0.0", CategoryAddonMapperV2.class), new File(dir, "addon-2.0.0.jar"));
    }

    private static InputStream build(String version, Class<?> implementation) {
        String component = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + COMPONENT + "\">\n"
                + "  <property name=\"service\" type=\"String\" value=\"magento\"/>\n"
                + "  <property name=\"model\" type=\"String\">magento.res.partner.category</property>\n"
                + "  <property name=\"replacing\" type=\"String\">" + REPLACED + "</property>\n"
                + "  <service scope=\"prototype\">\n"
                + "    <provide interface=\"io.connector.api.unit.ImportMapper\"/>\n"
                + "  </service>\n"
                + "  <implementation class=\"" + implementation.getName() + "\"/>\n"
                + "</scr:component>\n";
        TinyBundle bundle = TinyBundles.bundle()
                .add(implementation)
                .add("OSGI-INF/addon.xml", new ByteArrayInputStream(component.getBytes(StandardCharsets.UTF_8)))
                .set("Bundle-ManifestVersion", "2")
                .set("Bundle-SymbolicName", SYMBOLIC_NAME)
                .set("Bundle-Version", version)
                .set("Bundle-Name", "Category addon " + version)
                .set("Import-Package", "io.connector.api;version=\"[1.0,2)\",io.connector.api.unit;version=\"[1.0,2)\","
                        + "io.connector.core.mapper;version=\"[1.0,2)\"")
                .set("Service-Component", "OSGI-INF/addon.xml");
        return bundle.build(TinyBundles.withClassicBuilder());
    }

    private static void copy(InputStream in, File target) throws IOException {
        try (in) {
            Files.copy(in, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
