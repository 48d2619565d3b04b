// Lists the arrays of an OpenOrganelle dataset, then exports a region of one level to a
// NumPy .npy file and its metadata record, through the plain Java API of OpenOrganelle_Fiji.
//
// In Fiji: open in the Script Editor (language Groovy) and Run. A caller may preset the
// variables dataset, array, level, region, output and endpoint (an S3-compatible mirror).
import java.nio.file.Paths

import org.openorganelle.fiji.discovery.DatasetLocator
import org.openorganelle.fiji.export.ExportOptions
import org.openorganelle.fiji.export.ExportPlan
import org.openorganelle.fiji.store.StoreFactory
import org.openorganelle.fiji.store.StoreOptions

def given = { String name, Object fallback -> binding.hasVariable(name) ? binding.getVariable(name) : fallback }
String datasetName = given('dataset', 'jrc_mus-nacc-2')
String arrayPath = given('array', 'recon-2/em/fibsem-int16')
String levelName = given('level', 's3')
String box = given('region', '0:16,0:64,0:64')
def outputDirectory = Paths.get(given('output', System.getProperty('user.home') + '/data/openorganelle').toString())
def storeOptions = StoreOptions.builder()
if (given('endpoint', null) != null)
	storeOptions.endpoint(URI.create(given('endpoint', null).toString()))

def stores = new StoreFactory()
try {
	def container = DatasetLocator.open(stores, storeOptions.build(), datasetName, null)
	container.images('').images().each { println "${it.path()}  ${it.modality()}  ${it.levels()}" }
	def plan = ExportPlan.resolve(container, datasetName, [arrayPath], levelName, box, null, null, outputDirectory)
	plan.run(ExportOptions.defaults(), { r -> println "exporting ${r.group().path()} ${r.level().name()} [${r.region()}]" })
			.each { println "wrote ${it.npy()}" }
} finally {
	stores.close()
}
