// d3-geo as the site bundles it: Observable Plot imports d3-geo for map projections and geo
// marks, which no widget uses (about 9 KB gzip of the chart chunk). `geoTransform` is d3's own
// (Plot calls it when its module loads); every other function throws a clear error if a
// widget ever asks for a projection or a geo mark: then drop the alias in astro.config.mjs.
// geoTransform: Copyright 2010-2021 Mike Bostock, ISC licence (d3-geo/src/transform.js).

/** d3.geoTransform(methods): a projection stream from point/line/polygon methods. */
export function geoTransform(methods) {
  return {
    stream(stream) {
      const s = new TransformStream();
      for (const key in methods) s[key] = methods[key];
      s.stream = stream;
      return s;
    },
  };
}

function TransformStream() {}
TransformStream.prototype = {
  constructor: TransformStream,
  point(x, y) {
    this.stream.point(x, y);
  },
  sphere() {
    this.stream.sphere();
  },
  lineStart() {
    this.stream.lineStart();
  },
  lineEnd() {
    this.stream.lineEnd();
  },
  polygonStart() {
    this.stream.polygonStart();
  },
  polygonEnd() {
    this.stream.polygonEnd();
  },
};

const unbundled = (name) => () => {
  throw new Error(
    `d3.${name} is not in the site bundle (d3-geo is stubbed in apps/site/astro.config.mjs)`,
  );
};

export const geoAlbers = unbundled('geoAlbers');
export const geoAlbersUsa = unbundled('geoAlbersUsa');
export const geoAzimuthalEqualArea = unbundled('geoAzimuthalEqualArea');
export const geoAzimuthalEquidistant = unbundled('geoAzimuthalEquidistant');
export const geoCentroid = unbundled('geoCentroid');
export const geoClipRectangle = unbundled('geoClipRectangle');
export const geoConicConformal = unbundled('geoConicConformal');
export const geoConicEqualArea = unbundled('geoConicEqualArea');
export const geoConicEquidistant = unbundled('geoConicEquidistant');
export const geoEqualEarth = unbundled('geoEqualEarth');
export const geoEquirectangular = unbundled('geoEquirectangular');
export const geoGnomonic = unbundled('geoGnomonic');
export const geoGraticule10 = unbundled('geoGraticule10');
export const geoMercator = unbundled('geoMercator');
export const geoOrthographic = unbundled('geoOrthographic');
export const geoPath = unbundled('geoPath');
export const geoStereographic = unbundled('geoStereographic');
export const geoStream = unbundled('geoStream');
export const geoTransverseMercator = unbundled('geoTransverseMercator');
