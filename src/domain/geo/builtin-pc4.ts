/**
 * Built-in PC4 areas (four-digit postcodes) with their centre, for the two demo labour-market
 * regions Rijnmond and Haaglanden. A national table replaces and extends it with
 * `werkregie import postcodes <csv>` (docs/domain/geography.md); this list only fills gaps and never
 * overwrites an imported row.
 *
 * Source of the coordinates: the GitHub repository drikusroor/dutch-postal-code-city-coordinates,
 * file data/postcodetabel-postal-code-city-aggregated.json (commit 2777dc5d4568f7f15bd55beea3d3875b784f74f5).
 * Each value there is the mean latitude/longitude of all six-character postcodes in the PC4 area,
 * computed from the "Postcodetabel" of sqlblog.nl (status around 2016, according to that repository);
 * the place is that table's woonplaats. Values are rounded here to 5 decimals (about 1 m). PC4 numbers
 * ending in 0 (mostly PO-box ranges, whose coordinates in the source are a default point) are left
 * out, except 3250, which the demo seed uses. The gemeente (municipality) is the current one, as named
 * in src/seed/data.ts.
 *
 * Licence of the source (MIT):
 *   Copyright (c) 2022 Drikus Roor
 *   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 *   associated documentation files (the "Software"), to deal in the Software without restriction,
 *   including without limitation the rights to use, copy, modify, merge, publish, distribute,
 *   sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
 *   furnished to do so, subject to the following conditions: The above copyright notice and this
 *   permission notice shall be included in all copies or substantial portions of the Software.
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
 *   NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 *   NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 *   DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
 *   OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 *
 * Not from the source: the PC4 numbers in `seedOnlyPc4s` below. The demo seed's ranges contain them,
 * but the source has no such area (most were never issued by PostNL; a few may have been issued after
 * 2016). They get the mean of their gemeente's real areas, and no place, so that every postcode the
 * seed can produce has coordinates. `approximateBuiltinPc4s` lists them.
 */

export type PostcodeArea = { pc4: string; latitude: number; longitude: number; place: string | null; municipality: string };

type Row = readonly [pc4: number, latitude: number, longitude: number, place: string];

const sourceAreas: readonly (readonly [municipality: string, rows: readonly Row[]])[] = [
  [
    'Rotterdam',
    [
      [3011, 51.92028, 4.48701, 'Rotterdam'],
      [3012, 51.91848, 4.47619, 'Rotterdam'],
      [3013, 51.92459, 4.47271, 'Rotterdam'],
      [3014, 51.9189, 4.46659, 'Rotterdam'],
      [3015, 51.91043, 4.46632, 'Rotterdam'],
      [3016, 51.90829, 4.47613, 'Rotterdam'],
      [3021, 51.91646, 4.45938, 'Rotterdam'],
      [3022, 51.9193, 4.4492, 'Rotterdam'],
      [3023, 51.91312, 4.45101, 'Rotterdam'],
      [3024, 51.90622, 4.45526, 'Rotterdam'],
      [3025, 51.90866, 4.44329, 'Rotterdam'],
      [3026, 51.91259, 4.44229, 'Rotterdam'],
      [3027, 51.91683, 4.43595, 'Rotterdam'],
      [3028, 51.91671, 4.42111, 'Rotterdam'],
      [3029, 51.90494, 4.44001, 'Rotterdam'],
      [3031, 51.9267, 4.49078, 'Rotterdam'],
      [3032, 51.92967, 4.47671, 'Rotterdam'],
      [3033, 51.92765, 4.46912, 'Rotterdam'],
      [3034, 51.93361, 4.4941, 'Rotterdam'],
      [3035, 51.93291, 4.48117, 'Rotterdam'],
      [3036, 51.93712, 4.48288, 'Rotterdam'],
      [3037, 51.93687, 4.47316, 'Rotterdam'],
      [3038, 51.93453, 4.4652, 'Rotterdam'],
      [3039, 51.93042, 4.45978, 'Rotterdam'],
      [3041, 51.9273, 4.44116, 'Rotterdam'],
      [3042, 51.93417, 4.43342, 'Rotterdam'],
      [3043, 51.94049, 4.42606, 'Rotterdam'],
      [3044, 51.9291, 4.41856, 'Rotterdam'],
      [3045, 51.94788, 4.44738, 'Rotterdam'],
      [3046, 51.9604, 4.41072, 'Rotterdam'],
      [3047, 51.94415, 4.40597, 'Rotterdam'],
      [3051, 51.94485, 4.47719, 'Rotterdam'],
      [3052, 51.95288, 4.47097, 'Rotterdam'],
      [3053, 51.96032, 4.47073, 'Rotterdam'],
      [3054, 51.95837, 4.49063, 'Rotterdam'],
      [3055, 51.95874, 4.50463, 'Rotterdam'],
      [3056, 51.95149, 4.51473, 'Rotterdam'],
      [3059, 51.97994, 4.58842, 'Rotterdam'],
      [3061, 51.9271, 4.50465, 'Rotterdam'],
      [3062, 51.92458, 4.51785, 'Rotterdam'],
      [3063, 51.91578, 4.51523, 'Rotterdam'],
      [3064, 51.91213, 4.55317, 'Rotterdam'],
      [3065, 51.92542, 4.55099, 'Rotterdam'],
      [3066, 51.93537, 4.54985, 'Rotterdam'],
      [3067, 51.94355, 4.54861, 'Rotterdam'],
      [3068, 51.95915, 4.55184, 'Rotterdam'],
      [3069, 51.96521, 4.54972, 'Rotterdam'],
      [3071, 51.91044, 4.50214, 'Rotterdam'],
      [3072, 51.90129, 4.49477, 'Rotterdam'],
      [3073, 51.89333, 4.50078, 'Rotterdam'],
      [3074, 51.89458, 4.51126, 'Rotterdam'],
      [3075, 51.88606, 4.50888, 'Rotterdam'],
      [3076, 51.87623, 4.52342, 'Rotterdam'],
      [3077, 51.89605, 4.55915, 'Rotterdam'],
      [3078, 51.89064, 4.54672, 'Rotterdam'],
      [3079, 51.881, 4.54657, 'Rotterdam'],
      [3081, 51.89304, 4.48621, 'Rotterdam'],
      [3082, 51.88998, 4.46741, 'Rotterdam'],
      [3083, 51.88821, 4.48097, 'Rotterdam'],
      [3084, 51.87755, 4.46911, 'Rotterdam'],
      [3085, 51.87365, 4.4895, 'Rotterdam'],
      [3086, 51.87356, 4.46878, 'Rotterdam'],
      [3087, 51.89343, 4.45793, 'Rotterdam'],
      [3088, 51.87432, 4.44323, 'Rotterdam'],
      [3089, 51.89162, 4.42187, 'Rotterdam'],
      [3151, 51.97804, 4.13609, 'Hoek van Holland'],
      [3181, 51.90485, 4.24523, 'Rozenburg'],
      [3191, 51.86146, 4.36566, 'Hoogvliet Rotterdam'],
      [3192, 51.85363, 4.36219, 'Hoogvliet Rotterdam'],
      [3193, 51.86833, 4.34877, 'Hoogvliet Rotterdam'],
      [3194, 51.86942, 4.36553, 'Hoogvliet Rotterdam'],
      [3195, 51.88743, 4.385, 'Pernis Rotterdam'],
      [3196, 51.86848, 4.3184, 'Vondelingenplaat Rotterdam'],
      [3197, 51.86402, 4.25151, 'Botlek Rotterdam'],
      [3198, 51.93203, 4.14546, 'Europoort Rotterdam'],
      [3199, 51.94096, 4.04187, 'Maasvlakte Rotterdam'],
    ],
  ],
  [
    'Schiedam',
    [
      [3111, 51.91617, 4.39933, 'Schiedam'],
      [3112, 51.91727, 4.41026, 'Schiedam'],
      [3113, 51.91031, 4.40933, 'Schiedam'],
      [3114, 51.90519, 4.40366, 'Schiedam'],
      [3115, 51.90572, 4.38336, 'Schiedam'],
      [3116, 51.91013, 4.39369, 'Schiedam'],
      [3117, 51.91263, 4.38652, 'Schiedam'],
      [3118, 51.91868, 4.38302, 'Schiedam'],
      [3119, 51.92205, 4.39319, 'Schiedam'],
      [3121, 51.93345, 4.37941, 'Schiedam'],
      [3122, 51.93263, 4.37034, 'Schiedam'],
      [3123, 51.94205, 4.36817, 'Schiedam'],
      [3124, 51.94326, 4.38078, 'Schiedam'],
      [3125, 51.93075, 4.40499, 'Schiedam'],
    ],
  ],
  [
    'Vlaardingen',
    [
      [3131, 51.9092, 4.33799, 'Vlaardingen'],
      [3132, 51.91142, 4.31692, 'Vlaardingen'],
      [3133, 51.90156, 4.33233, 'Vlaardingen'],
      [3134, 51.90866, 4.35107, 'Vlaardingen'],
      [3135, 51.91739, 4.35607, 'Vlaardingen'],
      [3136, 51.92938, 4.35226, 'Vlaardingen'],
      [3137, 51.93687, 4.34697, 'Vlaardingen'],
      [3138, 51.92869, 4.3214, 'Vlaardingen'],
    ],
  ],
  [
    'Maassluis',
    [
      [3141, 51.92017, 4.26247, 'Maassluis'],
      [3142, 51.92598, 4.25416, 'Maassluis'],
      [3143, 51.91816, 4.25283, 'Maassluis'],
      [3144, 51.92469, 4.24427, 'Maassluis'],
      [3145, 51.93241, 4.23224, 'Maassluis'],
      [3146, 51.93869, 4.22562, 'Maassluis'],
      [3147, 51.935, 4.2435, 'Maassluis'],
    ],
  ],
  [
    'Capelle aan den IJssel',
    [
      [2901, 51.91583, 4.56373, 'Capelle aan den IJssel'],
      [2902, 51.92569, 4.57922, 'Capelle aan den IJssel'],
      [2903, 51.93077, 4.59113, 'Capelle aan den IJssel'],
      [2904, 51.93395, 4.60776, 'Capelle aan den IJssel'],
      [2905, 51.93945, 4.60046, 'Capelle aan den IJssel'],
      [2906, 51.93496, 4.56868, 'Capelle aan den IJssel'],
      [2907, 51.94983, 4.58053, 'Capelle aan den IJssel'],
      [2908, 51.9571, 4.58028, 'Capelle aan den IJssel'],
      [2909, 51.91546, 4.54565, 'Capelle aan den IJssel'],
    ],
  ],
  [
    'Barendrecht',
    [
      [2991, 51.85258, 4.54637, 'Barendrecht'],
      [2992, 51.85389, 4.52886, 'Barendrecht'],
      [2993, 51.8519, 4.49754, 'Barendrecht'],
      [2994, 51.85982, 4.50005, 'Barendrecht'],
    ],
  ],
  [
    'Ridderkerk',
    [
      [2981, 51.86837, 4.59648, 'Ridderkerk'],
      [2982, 51.87323, 4.59106, 'Ridderkerk'],
      [2983, 51.88399, 4.60549, 'Ridderkerk'],
      [2984, 51.87186, 4.61615, 'Ridderkerk'],
      [2985, 51.8637, 4.60186, 'Ridderkerk'],
      [2986, 51.8629, 4.61542, 'Ridderkerk'],
      [2987, 51.89287, 4.58025, 'Ridderkerk'],
      [2988, 51.85483, 4.58611, 'Ridderkerk'],
      [2989, 51.8531, 4.63057, 'Ridderkerk'],
    ],
  ],
  [
    'Lansingerland',
    [
      [2651, 51.99503, 4.47636, 'Berkel en Rodenrijs'],
      [2652, 51.99369, 4.46414, 'Berkel en Rodenrijs'],
      [2661, 51.98866, 4.50351, 'Bergschenhoek'],
      [2662, 51.98895, 4.49125, 'Bergschenhoek'],
      [2665, 52.0132, 4.5366, 'Bleiswijk'],
    ],
  ],
  [
    'Nissewaard',
    [
      [3201, 51.84789, 4.32632, 'Spijkenisse'],
      [3202, 51.85646, 4.31665, 'Spijkenisse'],
      [3203, 51.84118, 4.33963, 'Spijkenisse'],
      [3204, 51.83906, 4.32379, 'Spijkenisse'],
      [3205, 51.83421, 4.34329, 'Spijkenisse'],
      [3206, 51.82968, 4.32581, 'Spijkenisse'],
      [3207, 51.83773, 4.35971, 'Spijkenisse'],
      [3208, 51.83779, 4.30947, 'Spijkenisse'],
      [3209, 51.82476, 4.34128, 'Hekelingen'],
      [3211, 51.86036, 4.26156, 'Geervliet'],
      [3212, 51.82568, 4.28661, 'Simonshaven'],
      [3214, 51.82105, 4.25551, 'Zuidland'],
      [3216, 51.84625, 4.23717, 'Abbenbroek'],
      [3218, 51.86505, 4.23919, 'Heenvliet'],
    ],
  ],
  [
    'Krimpen aan den IJssel',
    [
      [2921, 51.91099, 4.58436, 'Krimpen aan den IJssel'],
      [2922, 51.91749, 4.59186, 'Krimpen aan den IJssel'],
      [2923, 51.91334, 4.60404, 'Krimpen aan den IJssel'],
      [2924, 51.9235, 4.61262, 'Krimpen aan den IJssel'],
      [2925, 51.9206, 4.62729, 'Krimpen aan den IJssel'],
      [2926, 51.91032, 4.60818, 'Krimpen aan den IJssel'],
    ],
  ],
  [
    'Albrandswaard',
    [
      [3161, 51.85634, 4.42594, 'Rhoon'],
      [3162, 51.85577, 4.47526, 'Rhoon'],
      [3165, 51.87014, 4.41915, 'Rotterdam-Albrandswaard'],
      [3171, 51.85648, 4.39464, 'Poortugaal'],
      [3172, 51.84892, 4.40183, 'Poortugaal'],
      [3176, 51.86292, 4.399, 'Poortugaal'],
    ],
  ],
  [
    'Goeree-Overflakkee',
    [
      [3241, 51.75792, 4.16986, 'Middelharnis'],
      [3243, 51.7359, 4.23902, "Stad aan 't Haringvliet"],
      [3244, 51.71362, 4.1627, 'Nieuwe-Tonge'],
      [3245, 51.75691, 4.15023, 'Sommelsdijk'],
      [3247, 51.74824, 4.10038, 'Dirksland'],
      [3248, 51.77094, 4.07273, 'Melissant'],
      [3249, 51.71113, 4.09041, 'Herkingen'],
      [3250, 51.80706, 4.02307, 'Stellendam'],
      [3251, 51.80698, 4.02712, 'Stellendam'],
      [3252, 51.82104, 3.98186, 'Goedereede'],
      [3253, 51.8082, 3.9245, 'Ouddorp'],
      [3255, 51.69403, 4.21227, 'Oude-Tonge'],
      [3256, 51.6844, 4.2793, 'Achthuizen'],
      [3257, 51.682, 4.3422, 'Ooltgensplaat'],
      [3258, 51.71092, 4.27983, 'Den Bommel'],
    ],
  ],
  [
    'Voorne aan Zee',
    [
      [3221, 51.83045, 4.12938, 'Hellevoetsluis'],
      [3222, 51.84175, 4.12739, 'Hellevoetsluis'],
      [3223, 51.84375, 4.15008, 'Hellevoetsluis'],
      [3224, 51.82698, 4.14853, 'Hellevoetsluis'],
      [3225, 51.83326, 4.16244, 'Hellevoetsluis'],
      [3227, 51.82581, 4.19208, 'Oudenhoorn'],
      [3231, 51.9048, 4.16645, 'Brielle'],
      [3232, 51.89605, 4.1609, 'Brielle'],
      [3233, 51.91225, 4.10234, 'Oostvoorne'],
      [3234, 51.88916, 4.13761, 'Tinte'],
      [3235, 51.87473, 4.0768, 'Rockanje'],
      [3237, 51.88297, 4.18013, 'Vierpolders'],
      [3238, 51.87989, 4.21688, 'Zwartewaal'],
    ],
  ],
  [
    'Den Haag',
    [
      [2491, 52.06735, 4.38922, "'s-Gravenhage"],
      [2492, 52.06639, 4.40948, "'s-Gravenhage"],
      [2493, 52.06077, 4.39769, "'s-Gravenhage"],
      [2495, 52.05912, 4.35995, "'s-Gravenhage"],
      [2496, 52.04717, 4.37516, "'s-Gravenhage"],
      [2497, 52.03658, 4.36448, "'s-Gravenhage"],
      [2498, 52.03304, 4.38316, "'s-Gravenhage"],
      [2511, 52.07819, 4.31731, "'s-Gravenhage"],
      [2512, 52.07313, 4.3041, "'s-Gravenhage"],
      [2513, 52.07833, 4.30145, "'s-Gravenhage"],
      [2514, 52.08524, 4.31023, "'s-Gravenhage"],
      [2515, 52.07235, 4.32003, "'s-Gravenhage"],
      [2516, 52.06619, 4.3342, "'s-Gravenhage"],
      [2517, 52.08419, 4.28328, "'s-Gravenhage"],
      [2518, 52.08118, 4.29402, "'s-Gravenhage"],
      [2521, 52.0633, 4.31993, "'s-Gravenhage"],
      [2522, 52.06046, 4.32676, "'s-Gravenhage"],
      [2523, 52.05666, 4.31914, "'s-Gravenhage"],
      [2524, 52.05307, 4.31428, "'s-Gravenhage"],
      [2525, 52.06407, 4.30261, "'s-Gravenhage"],
      [2526, 52.06777, 4.30752, "'s-Gravenhage"],
      [2531, 52.05301, 4.30217, "'s-Gravenhage"],
      [2532, 52.04737, 4.29659, "'s-Gravenhage"],
      [2533, 52.05024, 4.29039, "'s-Gravenhage"],
      [2541, 52.04657, 4.27698, "'s-Gravenhage"],
      [2542, 52.03628, 4.2662, "'s-Gravenhage"],
      [2543, 52.03987, 4.26022, "'s-Gravenhage"],
      [2544, 52.04438, 4.25684, "'s-Gravenhage"],
      [2545, 52.04894, 4.27254, "'s-Gravenhage"],
      [2546, 52.05845, 4.27369, "'s-Gravenhage"],
      [2547, 52.06177, 4.26756, "'s-Gravenhage"],
      [2548, 52.02782, 4.29094, "'s-Gravenhage"],
      [2551, 52.05869, 4.2362, "'s-Gravenhage"],
      [2552, 52.05433, 4.24719, "'s-Gravenhage"],
      [2553, 52.049, 4.23032, "'s-Gravenhage"],
      [2554, 52.06738, 4.22526, "'s-Gravenhage"],
      [2555, 52.06514, 4.23907, "'s-Gravenhage"],
      [2561, 52.07565, 4.27641, "'s-Gravenhage"],
      [2562, 52.07458, 4.2814, "'s-Gravenhage"],
      [2563, 52.07284, 4.27104, "'s-Gravenhage"],
      [2564, 52.06801, 4.25732, "'s-Gravenhage"],
      [2565, 52.07669, 4.26322, "'s-Gravenhage"],
      [2566, 52.07919, 4.2543, "'s-Gravenhage"],
      [2571, 52.06878, 4.28734, "'s-Gravenhage"],
      [2572, 52.0643, 4.29403, "'s-Gravenhage"],
      [2573, 52.06524, 4.28433, "'s-Gravenhage"],
      [2574, 52.06435, 4.27718, "'s-Gravenhage"],
      [2581, 52.09147, 4.26982, "'s-Gravenhage"],
      [2582, 52.09297, 4.27629, "'s-Gravenhage"],
      [2583, 52.09425, 4.26365, "'s-Gravenhage"],
      [2584, 52.10347, 4.27826, "'s-Gravenhage"],
      [2585, 52.09181, 4.30226, "'s-Gravenhage"],
      [2586, 52.10911, 4.28065, "'s-Gravenhage"],
      [2587, 52.11086, 4.29086, "'s-Gravenhage"],
      [2591, 52.09449, 4.36433, "'s-Gravenhage"],
      [2592, 52.09241, 4.3547, "'s-Gravenhage"],
      [2593, 52.08597, 4.34231, "'s-Gravenhage"],
      [2594, 52.0943, 4.34638, "'s-Gravenhage"],
      [2595, 52.08144, 4.33489, "'s-Gravenhage"],
      [2596, 52.09348, 4.32062, "'s-Gravenhage"],
      [2597, 52.10206, 4.31893, "'s-Gravenhage"],
    ],
  ],
  [
    'Delft',
    [
      [2611, 52.01231, 4.3596, 'Delft'],
      [2612, 52.01781, 4.36373, 'Delft'],
      [2613, 52.00915, 4.34889, 'Delft'],
      [2614, 52.00865, 4.33615, 'Delft'],
      [2616, 52.01855, 4.37711, 'Delft'],
      [2622, 51.98188, 4.34521, 'Delft'],
      [2623, 51.98433, 4.36065, 'Delft'],
      [2624, 51.99545, 4.35532, 'Delft'],
      [2625, 51.99207, 4.34189, 'Delft'],
      [2626, 51.97899, 4.36015, 'Delft'],
      [2627, 51.99524, 4.36601, 'Delft'],
      [2628, 52.00413, 4.37404, 'Delft'],
      [2629, 51.98759, 4.38179, 'Delft'],
    ],
  ],
  [
    'Leidschendam-Voorburg',
    [
      [2261, 52.09714, 4.38963, 'Leidschendam'],
      [2262, 52.09167, 4.3885, 'Leidschendam'],
      [2263, 52.09719, 4.40052, 'Leidschendam'],
      [2264, 52.08908, 4.39718, 'Leidschendam'],
      [2265, 52.08461, 4.39978, 'Leidschendam'],
      [2266, 52.08457, 4.42069, 'Leidschendam'],
      [2267, 52.05873, 4.35699, 'Leidschendam'],
      [2271, 52.07225, 4.36916, 'Voorburg'],
      [2272, 52.08441, 4.37502, 'Voorburg'],
      [2273, 52.07939, 4.35861, 'Voorburg'],
      [2274, 52.07435, 4.35048, 'Voorburg'],
      [2275, 52.06271, 4.35098, 'Voorburg'],
    ],
  ],
  [
    'Midden-Delfland',
    [
      [2635, 52.00243, 4.32872, 'Den Hoorn'],
      [2636, 51.97551, 4.31842, 'Schipluiden'],
      [3155, 51.93652, 4.27134, 'Maasland'],
    ],
  ],
  [
    'Pijnacker-Nootdorp',
    [
      [2631, 52.04384, 4.39563, 'Nootdorp'],
      [2632, 52.04841, 4.39352, 'Nootdorp'],
      [2641, 52.01813, 4.43333, 'Pijnacker'],
      [2642, 52.01002, 4.44867, 'Pijnacker'],
      [2643, 52.00468, 4.44146, 'Pijnacker'],
      [2645, 52.00413, 4.39537, 'Delfgauw'],
    ],
  ],
  [
    'Rijswijk',
    [
      [2281, 52.05751, 4.34114, 'Rijswijk'],
      [2282, 52.0459, 4.33404, 'Rijswijk'],
      [2283, 52.04364, 4.32412, 'Rijswijk'],
      [2284, 52.0363, 4.31372, 'Rijswijk'],
      [2285, 52.02958, 4.30226, 'Rijswijk'],
      [2286, 52.02007, 4.311, 'Rijswijk'],
      [2287, 52.03031, 4.32141, 'Rijswijk'],
      [2288, 52.02623, 4.33478, 'Rijswijk'],
      [2289, 52.02732, 4.34722, 'Rijswijk'],
    ],
  ],
  [
    'Wassenaar',
    [
      [2241, 52.1474, 4.40929, 'Wassenaar'],
      [2242, 52.14474, 4.39509, 'Wassenaar'],
      [2243, 52.12656, 4.37197, 'Wassenaar'],
      [2244, 52.11168, 4.35433, 'Wassenaar'],
      [2245, 52.11773, 4.38288, 'Wassenaar'],
    ],
  ],
  [
    'Westland',
    [
      [2291, 52.02373, 4.27558, 'Wateringen'],
      [2292, 52.01887, 4.28922, 'Wateringen'],
      [2295, 52.01422, 4.25672, 'Kwintsheul'],
      [2671, 51.99317, 4.20762, 'Naaldwijk'],
      [2672, 51.99509, 4.21643, 'Naaldwijk'],
      [2673, 52.00086, 4.20155, 'Naaldwijk'],
      [2675, 52.0074, 4.23071, 'Honselersdijk'],
      [2676, 51.95788, 4.2152, 'Maasdijk'],
      [2678, 51.97625, 4.24822, 'De Lier'],
      [2681, 52.02589, 4.17725, 'Monster'],
      [2684, 52.03001, 4.16827, 'Ter Heijde'],
      [2685, 52.02465, 4.22017, 'Poeldijk'],
      [2691, 51.99791, 4.16813, "'s-Gravenzande"],
      [2692, 52.00043, 4.15757, "'s-Gravenzande"],
      [2693, 51.99918, 4.17834, "'s-Gravenzande"],
      [2694, 52.00694, 4.16543, "'s-Gravenzande"],
    ],
  ],
  [
    'Zoetermeer',
    [
      [2711, 52.06148, 4.49173, 'Zoetermeer'],
      [2712, 52.05141, 4.49882, 'Zoetermeer'],
      [2713, 52.05441, 4.48494, 'Zoetermeer'],
      [2715, 52.0556, 4.47436, 'Zoetermeer'],
      [2716, 52.05701, 4.46461, 'Zoetermeer'],
      [2717, 52.06684, 4.47513, 'Zoetermeer'],
      [2718, 52.04008, 4.49496, 'Zoetermeer'],
      [2719, 52.04179, 4.47395, 'Zoetermeer'],
      [2721, 52.05832, 4.54325, 'Zoetermeer'],
      [2722, 52.05634, 4.50717, 'Zoetermeer'],
      [2723, 52.06277, 4.51853, 'Zoetermeer'],
      [2724, 52.06529, 4.5088, 'Zoetermeer'],
      [2725, 52.07365, 4.49853, 'Zoetermeer'],
      [2726, 52.06769, 4.48823, 'Zoetermeer'],
      [2727, 52.07157, 4.51219, 'Zoetermeer'],
      [2728, 52.07506, 4.52167, 'Zoetermeer'],
      [2729, 52.06512, 4.5363, 'Zoetermeer'],
    ],
  ],
];

/** In the demo seed's ranges, but not in the source: see the header. */
const seedOnlyPc4s: readonly (readonly [municipality: string, pc4s: readonly number[]])[] = [
  ['Rotterdam', [3057, 3058]],
  ['Lansingerland', [2666]],
  ['Nissewaard', [3213]],
  ['Goeree-Overflakkee', [3242, 3246, 3254]],
  ['Voorne aan Zee', [3226, 3236]],
  [
    'Den Haag',
    [
      2494, 2519, 2520, 2527, 2528, 2529, 2530, 2534, 2535, 2536, 2537, 2538, 2539, 2540, 2549, 2550, 2556, 2557, 2558, 2559, 2560, 2567,
      2568, 2569, 2570, 2575, 2576, 2577, 2578, 2579, 2580, 2588, 2589, 2590,
    ],
  ],
  ['Delft', [2615, 2617, 2618, 2619, 2620, 2621]],
  ['Pijnacker-Nootdorp', [2644]],
  ['Westland', [2677, 2682, 2683]],
  ['Zoetermeer', [2714, 2720]],
];

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

function buildAreas(): PostcodeArea[] {
  const areas: PostcodeArea[] = [];
  const centres = new Map<string, { latitude: number; longitude: number }>();
  for (const [municipality, rows] of sourceAreas) {
    for (const [pc4, latitude, longitude, place] of rows) areas.push({ pc4: String(pc4), latitude, longitude, place, municipality });
    const mean = (i: 1 | 2) => round5(rows.reduce((sum, row) => sum + row[i], 0) / rows.length);
    centres.set(municipality, { latitude: mean(1), longitude: mean(2) });
  }
  for (const [municipality, pc4s] of seedOnlyPc4s) {
    const centre = centres.get(municipality);
    if (!centre) throw new Error(`Geen postcodegebieden voor gemeente ${municipality}`);
    for (const pc4 of pc4s) areas.push({ pc4: String(pc4), ...centre, place: null, municipality });
  }
  return areas.sort((a, b) => a.pc4.localeCompare(b.pc4));
}

/** Every built-in PC4 area, sorted by PC4. */
export const builtinPostcodeAreas: readonly PostcodeArea[] = buildAreas();

/** The built-in PC4 numbers whose coordinates are a gemeente's centre, not the area's own. */
export const approximateBuiltinPc4s: ReadonlySet<string> = new Set(seedOnlyPc4s.flatMap(([, pc4s]) => pc4s.map(String)));
