package io.connector.core.internal.resolver;

import java.util.Set;

import io.connector.api.ServiceProperties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/** Reads units and backend declarations from their service properties. */
final class OsgiDescriptors {

    private static final String COMPONENT_NAME = "component.name";

    private OsgiDescriptors() {
    }

    static BackendInfo backend(ServiceReference<?> ref) {
        return new BackendInfo(text(ref, ServiceProperties.SERVICE), text(ref, ServiceProperties.VERSION),
                text(ref, ServiceProperties.PARENT), text(ref, ServiceProperties.DESCRIPTION),
                bundle(ref), ranking(ref), serviceId(ref));
    }

    static UnitDescriptor unit(BundleContext context, ServiceReference<?> ref) {
        Set<String> models = OsgiProperties.texts(ref.getProperty(ServiceProperties.MODEL));
        if (models.isEmpty()) {
            throw new IllegalArgumentException("its 'model' property is empty");
        }
        String service = text(ref, ServiceProperties.SERVICE);
        if (service.isEmpty()) {
            throw new IllegalArgumentException("its 'service' property is empty");
        }
        Object componentName = ref.getProperty(COMPONENT_NAME);
        Set<String> types = OsgiProperties.texts(ref.getProperty(Constants.OBJECTCLASS));
        String name = componentName != null ? componentName.toString()
                : types.iterator().next() + "#" + serviceId(ref);
        return new UnitDescriptor(name, types, BackendNames.name(service, text(ref, ServiceProperties.VERSION)),
                models, OsgiProperties.texts(ref.getProperty(ServiceProperties.REPLACING)), ranking(ref), serviceId(ref),
                bundle(ref), Constants.SCOPE_PROTOTYPE.equals(ref.getProperty(Constants.SERVICE_SCOPE)),
                new ServiceUnitSource(context, ref));
    }

    private static String text(ServiceReference<?> ref, String key) {
        Object value = ref.getProperty(key);
        return value == null ? "" : value.toString().trim();
    }

    private static int ranking(ServiceReference<?> ref) {
        return ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    private static String bundle(ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        return bundle == null ? "unregistered" : bundle.getSymbolicName() + " " + bundle.getVersion()
                + " (" + bundle.getBundleId() + ")";
    }

    /**
     * Instances from the service registry; prototype scope gives a new one per call. Once the
     * service is unregistered, {@link #newInstance()} answers null and the caller asks again.
     */
    private static final class ServiceUnitSource implements UnitSource {

        private final BundleContext context;
        private final ServiceReference<?> ref;

        ServiceUnitSource(BundleContext context, ServiceReference<?> ref) {
            this.context = context;
            this.ref = ref;
        }

        @Override
        public Object newInstance() {
            ServiceObjects<?> objects = objects();
            return objects == null ? null : objects.getService();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void release(Object instance) {
            ServiceObjects objects = objects();
            if (objects == null) {
                return; // unregistered: the framework has already released every instance
            }
            try {
                objects.ungetService(instance);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the service went away between the two calls: nothing left to release
            }
        }

        private ServiceObjects<?> objects() {
            try {
                return context.getServiceObjects(ref);
            } catch (IllegalStateException e) {
                return null; // our own bundle is stopping
            }
        }
    }
}
