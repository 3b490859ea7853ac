/**
 * What the shared importers and exporters ask of a model's backend adapter beyond
 * {@link io.connector.api.unit.BackendAdapter}, said without a protocol; each API version's bundle
 * implements them (magento-1.7 over XML-RPC, its base {@code io.connector.magento.v17.adapter.MagentoAdapter};
 * magento-2.0 over REST). Records cross from an adapter to the mappers in Magento 1's field names
 * ({@code customer_id}, {@code customer_address_id}, {@code is_default_billing}, a street as lines
 * in one text): a version whose API names them otherwise renames them in its adapters, so one
 * mapper serves every version.
 */
@Version("2.0.0")
package io.connector.magento.adapter;

import org.osgi.annotation.versioning.Version;
