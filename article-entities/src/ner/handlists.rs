//! Short hand-written lists (our own), added to the gazetteers by the trainer.

/// Nationalities, demonyms and adjectives of places (CoNLL tags them MISC).
pub(crate) const DEMONYMS: &str = "Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian \
Armenian Australian Austrian Azerbaijani Azeri Bahraini Bangladeshi Belarusian Belgian Beninese \
Bolivian Bosnian Brazilian British Briton Britons Bulgarian Burmese Burundian Cambodian Cameroonian \
Canadian Chadian Chechen Chilean Chinese Colombian Congolese Croat Croatian Cuban Cypriot Czech \
Dane Danish Dutch Ecuadorean Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian \
European Filipino Finn Finnish French Gabonese Georgian German Ghanaian Greek Guatemalan Guinean \
Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian \
Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kurd Kurdish Kuwaiti Kyrgyz \
Laotian Latvian Lebanese Liberian Libyan Lithuanian Luxembourgish Macedonian Malagasy Malawian \
Malaysian Malian Maltese Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian \
Nepalese Nepali Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan \
Persian Peruvian Polish Portuguese Qatari Romanian Russian Rwandan Salvadoran Saudi Scottish Scot \
Scots Senegalese Serb Serbian Sierra Slovak Slovene Slovenian Somali South-African Soviet Spanish \
Sri-Lankan Sudanese Swede Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai Tibetan Togolese \
Tunisian Turk Turkish Turkmen Turks Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh \
Yemeni Yugoslav Zairean Zambian Zimbabwean Arab Arabs Asian African Latin Nordic Scandinavian \
Balkan Baltic Caucasian Caribbean Mediterranean Western Eastern Middle-Eastern Islamic Muslim \
Muslims Moslem Moslems Christian Christians Catholic Catholics Protestant Jewish Jew Jews Hindu \
Sikh Buddhist Sunni Shi'ite Shiite Orthodox Anglo Euro Europeans Americans Germans Russians \
Israelis Palestinians Iraqis Iranians Afghans Pakistanis Indians Chinese Japanese Koreans \
Serbs Croats Bosnians Albanians Kurds Turkic Slavic Hispanic Latino Anglican Lutheran Marxist \
Communist Communists Socialist Gaullist Republican Republicans Democrat Democrats Conservative \
Conservatives Tory Tories Labour Liberal Liberals Zionist Bolshevik Hutu Tutsi Tamil Tamils Sinhalese";

/// Country and place aliases that GeoNames' current names miss.
pub(crate) const LOC_ALIASES: &[&str] = &[
    "Britain",
    "Great Britain",
    "U.K.",
    "UK",
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "U.S.",
    "US",
    "USA",
    "U.S.A.",
    "America",
    "United States",
    "Holland",
    "Czech Republic",
    "Zaire",
    "Burma",
    "Swaziland",
    "Yugoslavia",
    "Soviet Union",
    "USSR",
    "East Germany",
    "West Germany",
    "Ivory Coast",
    "Cote d'Ivoire",
    "Macedonia",
    "South Korea",
    "North Korea",
    "Taiwan",
    "Hong Kong",
    "Macau",
    "Vatican",
    "Gaza",
    "Gaza Strip",
    "West Bank",
    "Kosovo",
    "Chechnya",
    "Kashmir",
    "Tibet",
    "Siberia",
    "Middle East",
    "Gulf",
    "Persian Gulf",
    "Balkans",
    "Caucasus",
    "Scandinavia",
    "Latin America",
    "Southeast Asia",
    "South Africa",
    "Bosnia",
    "Herzegovina",
    "Serbia",
    "Montenegro",
    "Slovakia",
    "Russia",
    "Moldova",
    "Belarus",
    "Nagorno-Karabakh",
    "Karabakh",
    "Artsakh",
    "Crimea",
    "Kurdistan",
    "Sahara",
    "Europe",
    "Asia",
    "Africa",
    "Antarctica",
    "Oceania",
    "Atlantic",
    "Pacific",
    "Mediterranean",
    "Caribbean",
    "Baltic",
    "Arctic",
    "Amazon",
    "Nile",
    "Danube",
    "Rhine",
    "Thames",
    "Himalayas",
    "Alps",
    "Wall Street",
    "Downing Street",
    "Capitol Hill",
    "Silicon Valley",
    "Persian Gulf",
];

/// Words that end or mark organisation names.
pub(crate) const ORG_CUES: &str = "Inc Inc. Corp Corp. Co Co. Ltd Ltd. Plc PLC plc LLC AG SA NV BV \
GmbH SpA AB ASA Bhd Group Holdings Holding Bank Bancorp Airlines Airways Motors Industries \
Systems Technologies Corporation Company Association Federation Union Council Committee \
Commission Ministry Department Agency Authority Institute University College School Party \
Front Movement Army Navy Police Court Parliament Congress Senate Assembly Club FC United City \
Rovers Athletic Wanderers Foundation Fund Organisation Organization League Society Trust \
Exchange Board Bureau Office Service News Times Post Journal Herald Tribune Press Radio \
Television TV Network Records Studios Pictures Partners Securities Capital Investments Energy \
Oil Petroleum Telecom Communications Electric Steel Chemicals Pharmaceuticals Foods Brewery";

/// Titles and roles written before person names.
pub(crate) const PER_TITLES: &str = "Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Dame Lord Lady \
President Vice-President Premier Prime Minister Chancellor Secretary Ambassador Senator Sen. \
Rep. Representative Governor Gov. Mayor General Gen. Colonel Col. Captain Capt. Lieutenant \
Sergeant Admiral Commander Marshal King Queen Prince Princess Pope Cardinal Archbishop Bishop \
Rabbi Imam Sheikh Ayatollah Judge Justice Chairman Chairwoman Chief Director Spokesman \
Spokeswoman Deputy Coach Manager Striker Midfielder Defender Goalkeeper Champion Rev. Father \
Brother Sister Saint St. Mrs Miss Madame Monsieur Herr Senor Dona Emperor Sultan Emir Crown \
Justice CEO chief executive officer minister president spokesman spokeswoman leader chairman \
coach striker captain said told";

/// Well-known organisation names and acronyms.
pub(crate) const ORGS: &[&str] = &[
    "United Nations",
    "UN",
    "U.N.",
    "NATO",
    "EU",
    "European Union",
    "European Commission",
    "OSCE",
    "OPEC",
    "IMF",
    "World Bank",
    "WTO",
    "WHO",
    "UNESCO",
    "UNICEF",
    "Red Cross",
    "FIFA",
    "UEFA",
    "IOC",
    "Reuters",
    "AP",
    "AFP",
    "BBC",
    "CNN",
    "Interfax",
    "Tass",
    "Xinhua",
    "Kremlin",
    "Pentagon",
    "White House",
    "Congress",
    "Senate",
    "Parliament",
    "Supreme Court",
    "FBI",
    "CIA",
    "KGB",
    "Hamas",
    "Hezbollah",
    "PLO",
    "Taleban",
    "Taliban",
    "Fed",
    "Federal Reserve",
    "Bundesbank",
    "Nasdaq",
    "NYSE",
    "Microsoft",
    "Apple",
    "Google",
    "IBM",
    "Boeing",
    "Airbus",
    "General Motors",
    "Ford",
    "Toyota",
    "Volkswagen",
    "Shell",
    "BP",
    "Exxon",
    "Gazprom",
    "Minsk Group",
    "Security Council",
    "Foreign Ministry",
    "Defense Ministry",
    "Defence Ministry",
    "National Security Council",
    "ASEAN",
    "African Union",
    "Arab League",
    "G7",
    "G8",
    "G20",
];

/// Events, languages, religions and other MISC names.
pub(crate) const MISC: &[&str] = &[
    "Olympics",
    "Olympic Games",
    "World Cup",
    "Grand Prix",
    "Tour de France",
    "Wimbledon",
    "U.S. Open",
    "Super Bowl",
    "Champions League",
    "Davis Cup",
    "Ryder Cup",
    "Christmas",
    "Easter",
    "Ramadan",
    "Eid",
    "Hanukkah",
    "Islam",
    "Christianity",
    "Judaism",
    "Buddhism",
    "English",
    "French",
    "German",
    "Spanish",
    "Arabic",
    "Russian",
    "Chinese",
    "Mandarin",
    "Hebrew",
    "Urdu",
    "Hindi",
    "Persian",
    "Turkish",
    "Nobel Prize",
    "Oscar",
    "Oscars",
    "Internet",
    "Cold War",
    "World War Two",
    "World War II",
    "Holocaust",
    "Euro 96",
    "Bible",
    "Koran",
    "Quran",
    "Dow Jones",
    "Nikkei",
    "FTSE",
    "Grammy",
    "Emmy",
];
