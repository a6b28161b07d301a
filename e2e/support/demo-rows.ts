/** Rows of a 推荐表 the journeys fill in over the API: occupations of the demo reference data. */
export const ELDER_CARE = {
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: false,
  industries: ['养老护理'],
  expectedAssessments: 1200,
  reason: '本市老龄化程度高，养老护理人员缺口大',
};

/** A second row: an occupation of the shortage catalogue. */
export const AI_TRAINER = {
  ...ELDER_CARE,
  occupationCode: '4-04-05-05',
  occupationName: '人工智能训练师',
  standardName: '人工智能训练师',
  standardVersion: '2021年版',
  inShortageCatalog: true,
  industries: ['人工智能'],
  expectedAssessments: 800,
  reason: '人工智能产业快速发展',
};
