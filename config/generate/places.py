#!/usr/bin/env python3
"""Build config/lexicons/en/places.yaml (countries, cities, regions) for Chronicle.

Sources, all read offline:
  * /usr/share/iso-codes/json/iso_3166-1.json  (Debian package iso-codes): country list,
    names and official names.
  * /usr/share/zoneinfo/zone.tab and zone1970.tab (Debian package tzdata, public domain):
    cities named in time-zone identifiers, with their country code.
  * The curated tables below (written for Chronicle, MIT like the rest of the project):
    news-style country names and short forms, nationality adjectives and demonyms,
    historical states, every national capital, major and diplomatically frequent cities,
    regions.
  * Optionally /usr/share/dict/words (Debian package wamerican): single-word city forms
    that are also lower-case English words are dropped (a curated stoplist below gives
    the same result when the file is absent, so the output does not depend on it).

Usage:  python3 config/generate/places.py [--out PATH] [--quiet]
Everything dropped or resolved (collisions, stop words) is logged on stderr.
Requires Python 3.8+ and PyYAML (only to verify the output round-trips).
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "lexicons", "en", "places.yaml"))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ZONE_TABS = ["/usr/share/zoneinfo/zone.tab", "/usr/share/zoneinfo/zone1970.tab"]
DICT_WORDS = "/usr/share/dict/words"

# ---------------------------------------------------------------------------------------
# Countries. One line per ISO 3166-1 alpha-2 code (plus XK Kosovo and the historical
# states, which have codes of our own starting with "H-").
#   CODE | news name (empty: iso-codes common_name or name) | extra forms | adjectives | demonyms
# Lists are ';'-separated. A form written "!Form" removes that form (e.g. an iso-codes name
# that is ambiguous). iso-codes' name and official_name are added as forms automatically
# unless they contain ',' or '('.
COUNTRIES = r"""
AW | Aruba | | Aruban | Arubans
AF | Afghanistan | | Afghan | Afghans
AO | Angola | | Angolan | Angolans
AI | Anguilla | | Anguillan | Anguillans
AX | Åland Islands | Aland Islands; Åland | |
AL | Albania | | Albanian | Albanians
AD | Andorra | | Andorran | Andorrans
AE | United Arab Emirates | UAE; U.A.E.; Emirates | Emirati | Emiratis
AR | Argentina | | Argentine; Argentinian | Argentines; Argentinians
AM | Armenia | | Armenian | Armenians
AS | American Samoa | | American Samoan | American Samoans
TF | French Southern Territories | French Southern and Antarctic Lands | |
AG | Antigua and Barbuda | Antigua | Antiguan | Antiguans
AU | Australia | | Australian | Australians
AT | Austria | | Austrian | Austrians
AZ | Azerbaijan | | Azerbaijani; Azeri | Azerbaijanis; Azeris
BI | Burundi | | Burundian | Burundians
BE | Belgium | | Belgian | Belgians
BJ | Benin | | Beninese |
BQ | Caribbean Netherlands | Bonaire; Sint Eustatius | |
BF | Burkina Faso | Burkina; Upper Volta | Burkinabe; Burkinabé |
BD | Bangladesh | | Bangladeshi | Bangladeshis
BG | Bulgaria | | Bulgarian | Bulgarians
BH | Bahrain | | Bahraini | Bahrainis
BS | Bahamas | The Bahamas | Bahamian | Bahamians
BA | Bosnia | Bosnia and Herzegovina; Bosnia-Herzegovina; Bosnia and Hercegovina | Bosnian | Bosnians
BL | Saint Barthélemy | Saint Barthelemy; St. Barthelemy; St. Barts; St Barts | |
BY | Belarus | Byelorussia; Belorussia | Belarusian; Belarussian; Byelorussian | Belarusians
BZ | Belize | | Belizean | Belizeans
BM | Bermuda | | Bermudian | Bermudians
BO | Bolivia | | Bolivian | Bolivians
BR | Brazil | | Brazilian | Brazilians
BB | Barbados | | Barbadian | Barbadians
BN | Brunei | | Bruneian | Bruneians
BT | Bhutan | | Bhutanese |
BV | Bouvet Island | | |
BW | Botswana | | Botswanan | Botswanans; Batswana
CF | Central African Republic | | Central African | Central Africans
CA | Canada | | Canadian | Canadians
CC | Cocos Islands | Cocos (Keeling) Islands; Keeling Islands | |
CH | Switzerland | | Swiss |
CL | Chile | | Chilean | Chileans
CN | China | PRC; P.R.C.; Mainland China; Communist China; Red China | Chinese |
CI | Ivory Coast | Côte d'Ivoire; Cote d'Ivoire; Cote D'Ivoire | Ivorian; Ivoirian | Ivorians
CM | Cameroon | | Cameroonian | Cameroonians
CD | Democratic Republic of the Congo | Democratic Republic of Congo; DR Congo; DRC; D.R.C.; Congo-Kinshasa; Congo; Zaire | Congolese; Zairean; Zairian | Zaireans
CG | Republic of the Congo | Republic of Congo; Congo Republic; Congo-Brazzaville; !Congo | |
CK | Cook Islands | | |
CO | Colombia | | Colombian | Colombians
KM | Comoros | Comoro Islands | Comoran; Comorian | Comorians
CV | Cape Verde | Cabo Verde; Republic of Cape Verde | Cape Verdean; Cabo Verdean | Cape Verdeans
CR | Costa Rica | | Costa Rican | Costa Ricans
CU | Cuba | | Cuban | Cubans
CW | Curaçao | Curacao | |
CX | Christmas Island | | |
KY | Cayman Islands | Caymans | Caymanian | Caymanians
CY | Cyprus | | Cypriot; Greek Cypriot; Turkish Cypriot | Cypriots; Greek Cypriots; Turkish Cypriots
CZ | Czech Republic | Czechia | Czech | Czechs
DE | Germany | | German | Germans
DJ | Djibouti | | Djiboutian | Djiboutians
DM | Dominica | | |
DK | Denmark | | Danish | Danes
DO | Dominican Republic | | Dominican | Dominicans
DZ | Algeria | | Algerian | Algerians
EC | Ecuador | | Ecuadorian; Ecuadoran | Ecuadorians; Ecuadorans
EG | Egypt | | Egyptian | Egyptians
ER | Eritrea | | Eritrean | Eritreans
EH | Western Sahara | Spanish Sahara; Sahrawi Arab Democratic Republic | Sahrawi; Saharawi | Sahrawis
ES | Spain | | Spanish | Spaniards; Spaniard
EE | Estonia | | Estonian | Estonians
ET | Ethiopia | | Ethiopian | Ethiopians
FI | Finland | | Finnish | Finns
FJ | Fiji | | Fijian | Fijians
FK | Falkland Islands | Falklands; Malvinas; Islas Malvinas | | Falkland Islanders
FR | France | | French | Frenchmen
FO | Faroe Islands | Faroes; Faeroe Islands; Faeroes | Faroese |
FM | Micronesia | | Micronesian | Micronesians
GA | Gabon | | Gabonese |
GB | United Kingdom | Britain; Great Britain; UK; U.K.; England; Scotland; Wales; Northern Ireland; Ulster | British; Scottish; Welsh | Britons; Briton; Brits
GE | Georgia | | Georgian | Georgians
GG | Guernsey | | |
GH | Ghana | | Ghanaian | Ghanaians
GI | Gibraltar | | Gibraltarian | Gibraltarians
GN | Guinea | Guinea-Conakry | Guinean | Guineans
GP | Guadeloupe | | |
GM | Gambia | The Gambia | Gambian | Gambians
GW | Guinea-Bissau | Guinea Bissau | Bissau-Guinean | Bissau-Guineans
GQ | Equatorial Guinea | | Equatorial Guinean; Equatoguinean | Equatorial Guineans
GR | Greece | | Greek | Greeks
GD | Grenada | | Grenadian | Grenadians
GL | Greenland | | Greenlandic | Greenlanders
GT | Guatemala | | Guatemalan | Guatemalans
GY | Guyana | | Guyanese |
GF | French Guiana | | French Guianese |
GU | Guam | | Guamanian | Guamanians
HK | Hong Kong | | | Hong Kongers; Hongkongers
HM | Heard Island and McDonald Islands | | |
HN | Honduras | | Honduran | Hondurans
HR | Croatia | | Croatian; Croat | Croats; Croatians
HT | Haiti | | Haitian | Haitians
HU | Hungary | | Hungarian | Hungarians
ID | Indonesia | | Indonesian | Indonesians
IM | Isle of Man | | Manx |
IN | India | | Indian | Indians
IO | British Indian Ocean Territory | Chagos Islands; Chagos Archipelago; Diego Garcia | |
IE | Ireland | Republic of Ireland; Irish Republic; Eire | Irish | Irishmen
IR | Iran | Persia | Iranian | Iranians
IQ | Iraq | | Iraqi | Iraqis
IS | Iceland | | Icelandic | Icelanders
IL | Israel | | Israeli | Israelis
IT | Italy | | Italian | Italians
JM | Jamaica | | Jamaican | Jamaicans
JE | Jersey | | |
JO | Jordan | | Jordanian | Jordanians
JP | Japan | | Japanese |
KZ | Kazakhstan | Kazakstan | Kazakh; Kazakhstani | Kazakhs; Kazakhstanis
KE | Kenya | | Kenyan | Kenyans
KG | Kyrgyzstan | Kirghizia; Kyrgyzia | Kyrgyz; Kirghiz | Kyrgyzstanis
KH | Cambodia | Kampuchea | Cambodian; Kampuchean | Cambodians; Kampucheans
KI | Kiribati | | I-Kiribati |
KN | Saint Kitts and Nevis | St. Kitts and Nevis; St Kitts and Nevis; St. Kitts | Kittitian | Kittitians
KR | South Korea | Republic of Korea; ROK; S. Korea | South Korean | South Koreans
KW | Kuwait | | Kuwaiti | Kuwaitis
LA | Laos | Lao PDR | Laotian; Lao | Laotians
LB | Lebanon | | Lebanese |
LR | Liberia | | Liberian | Liberians
LY | Libya | Libyan Arab Jamahiriya | Libyan | Libyans
LC | Saint Lucia | St. Lucia; St Lucia | Saint Lucian; St. Lucian | Saint Lucians
LI | Liechtenstein | | | Liechtensteiners
LK | Sri Lanka | Ceylon | Sri Lankan | Sri Lankans
LS | Lesotho | | Basotho |
LT | Lithuania | | Lithuanian | Lithuanians
LU | Luxembourg | Luxemburg | Luxembourgish | Luxembourgers
LV | Latvia | | Latvian | Latvians
MO | Macau | | Macanese |
MF | Saint Martin | St. Martin; Saint-Martin | |
MA | Morocco | | Moroccan | Moroccans
MC | Monaco | | Monegasque; Monégasque | Monegasques
MD | Moldova | Moldavia | Moldovan; Moldavian | Moldovans
MG | Madagascar | | Malagasy; Madagascan |
MV | Maldives | | Maldivian | Maldivians
MX | Mexico | | Mexican | Mexicans
MH | Marshall Islands | | Marshallese |
MK | North Macedonia | Macedonia; Former Yugoslav Republic of Macedonia; FYROM | Macedonian; North Macedonian | Macedonians; North Macedonians
ML | Mali | | Malian | Malians
MT | Malta | | Maltese |
MM | Myanmar | Burma; Union of Myanmar; Union of Burma | Burmese |
ME | Montenegro | | Montenegrin | Montenegrins
MN | Mongolia | Outer Mongolia | Mongolian | Mongolians
MP | Northern Mariana Islands | Northern Marianas | |
MZ | Mozambique | | Mozambican | Mozambicans
MR | Mauritania | | Mauritanian | Mauritanians
MS | Montserrat | | |
MQ | Martinique | | |
MU | Mauritius | | Mauritian | Mauritians
MW | Malawi | | Malawian | Malawians
MY | Malaysia | | Malaysian | Malaysians
YT | Mayotte | | |
NA | Namibia | South West Africa | Namibian | Namibians
NC | New Caledonia | | New Caledonian | New Caledonians
NE | Niger | | Nigerien | Nigeriens
NF | Norfolk Island | | |
NG | Nigeria | | Nigerian | Nigerians
NI | Nicaragua | | Nicaraguan | Nicaraguans
NU | Niue | | Niuean |
NL | Netherlands | The Netherlands; Holland | Dutch | Dutchmen
NO | Norway | | Norwegian | Norwegians
NP | Nepal | | Nepali; Nepalese | Nepalis
NR | Nauru | | Nauruan | Nauruans
NZ | New Zealand | | | New Zealanders
OM | Oman | | Omani | Omanis
PK | Pakistan | | Pakistani | Pakistanis
PA | Panama | | Panamanian | Panamanians
PN | Pitcairn Islands | Pitcairn Island | |
PE | Peru | | Peruvian | Peruvians
PH | Philippines | The Philippines | Philippine; Filipino | Filipinos
PW | Palau | | Palauan | Palauans
PG | Papua New Guinea | PNG | Papua New Guinean | Papua New Guineans
PL | Poland | | Polish | Poles
PR | Puerto Rico | | Puerto Rican | Puerto Ricans
KP | North Korea | DPRK; D.P.R.K.; N. Korea | North Korean | North Koreans
PT | Portugal | | Portuguese |
PY | Paraguay | | Paraguayan | Paraguayans
PS | Palestine | Palestinian territories; Palestinian Territories; Occupied Palestinian Territories; Palestinian Authority; Gaza; Gaza Strip; West Bank | Palestinian | Palestinians
PF | French Polynesia | Tahiti | French Polynesian; Tahitian |
QA | Qatar | | Qatari | Qataris
RE | Réunion | Reunion | |
RO | Romania | Rumania | Romanian; Rumanian | Romanians; Rumanians
RU | Russia | | Russian | Russians
RW | Rwanda | | Rwandan; Rwandese | Rwandans
SA | Saudi Arabia | KSA | Saudi; Saudi Arabian | Saudis
SD | Sudan | The Sudan | Sudanese |
SN | Senegal | | Senegalese |
SG | Singapore | | Singaporean | Singaporeans
GS | South Georgia and the South Sandwich Islands | South Georgia | |
SH | Saint Helena | St. Helena; St Helena; Ascension Island; Tristan da Cunha | |
SJ | Svalbard and Jan Mayen | Svalbard | |
SB | Solomon Islands | Solomons | | Solomon Islanders
SL | Sierra Leone | | Sierra Leonean | Sierra Leoneans
SV | El Salvador | | Salvadoran; Salvadorean | Salvadorans; Salvadoreans
SM | San Marino | | Sammarinese |
SO | Somalia | | Somali | Somalis
PM | Saint Pierre and Miquelon | St. Pierre and Miquelon | |
RS | Serbia | | Serbian; Serb | Serbs; Serbians
SS | South Sudan | | South Sudanese |
ST | Sao Tome and Principe | São Tomé and Príncipe | Santomean |
SR | Suriname | Surinam | Surinamese |
SK | Slovakia | | Slovak; Slovakian | Slovaks
SI | Slovenia | | Slovenian; Slovene | Slovenians; Slovenes
SE | Sweden | | Swedish | Swedes
SZ | Eswatini | Swaziland | Swazi | Swazis
SX | Sint Maarten | | |
SC | Seychelles | | Seychellois |
SY | Syria | | Syrian | Syrians
TC | Turks and Caicos Islands | Turks and Caicos | |
TD | Chad | | Chadian | Chadians
TG | Togo | | Togolese |
TH | Thailand | Siam | Thai | Thais
TJ | Tajikistan | Tadzhikistan | Tajik; Tajikistani | Tajiks
TK | Tokelau | | |
TM | Turkmenistan | | Turkmen | Turkmens
TL | East Timor | Timor-Leste; Timor Leste | East Timorese; Timorese |
TO | Tonga | | Tongan | Tongans
TT | Trinidad and Tobago | Trinidad | Trinidadian | Trinidadians
TN | Tunisia | | Tunisian | Tunisians
TR | Turkey | Turkiye | Turkish | Turks
TV | Tuvalu | | Tuvaluan | Tuvaluans
TW | Taiwan | Republic of China; Formosa; Chinese Taipei | Taiwanese |
TZ | Tanzania | | Tanzanian | Tanzanians
UG | Uganda | | Ugandan | Ugandans
UA | Ukraine | | Ukrainian | Ukrainians
UM | United States Minor Outlying Islands | | |
UY | Uruguay | | Uruguayan | Uruguayans
US | United States | U.S.; US; USA; U.S.A.; America | American | Americans
UZ | Uzbekistan | | Uzbek; Uzbekistani | Uzbeks
VA | Vatican | Holy See; Vatican City State | |
VC | Saint Vincent and the Grenadines | St. Vincent and the Grenadines; St Vincent and the Grenadines; St. Vincent | Vincentian | Vincentians
VE | Venezuela | | Venezuelan | Venezuelans
VG | British Virgin Islands | | |
VI | U.S. Virgin Islands | US Virgin Islands; United States Virgin Islands | |
VN | Vietnam | Viet Nam; Socialist Republic of Vietnam | Vietnamese |
VU | Vanuatu | | Ni-Vanuatu |
WF | Wallis and Futuna | | |
WS | Samoa | Western Samoa | Samoan | Samoans
YE | Yemen | | Yemeni | Yemenis
ZA | South Africa | | South African | South Africans
ZM | Zambia | | Zambian | Zambians
ZW | Zimbabwe | | Zimbabwean | Zimbabweans
XK | Kosovo | Republic of Kosovo | Kosovar; Kosovan | Kosovars
H-SU | Soviet Union | USSR; U.S.S.R.; Union of Soviet Socialist Republics | Soviet | Soviets
H-DD | East Germany | German Democratic Republic; GDR; DDR | East German | East Germans
H-DE | West Germany | | West German | West Germans
H-CS | Czechoslovakia | | Czechoslovak; Czechoslovakian | Czechoslovaks
H-YU | Yugoslavia | Socialist Federal Republic of Yugoslavia | Yugoslav; Yugoslavian | Yugoslavs
H-YD | South Yemen | People's Democratic Republic of Yemen | South Yemeni | South Yemenis
H-YE | North Yemen | Yemen Arab Republic | North Yemeni | North Yemenis
"""

# Codes that iso-codes lists but that are not countries in news (Antarctica is a region).
SKIP_ISO = {"AQ"}

# Capitals: country | capital | other forms. Several per country where the country has
# several (Bolivia, South Africa, ...). Forms that collide with the country's own name
# (city-states) are removed by the collision check; the entry is kept with what is left.
CAPITALS = r"""
Afghanistan | Kabul |
Albania | Tirana | Tirane
Algeria | Algiers |
Andorra | Andorra la Vella |
Angola | Luanda |
Antigua and Barbuda | St. John's | Saint John's
Argentina | Buenos Aires |
Armenia | Yerevan |
Australia | Canberra |
Austria | Vienna |
Azerbaijan | Baku |
Bahamas | Nassau |
Bahrain | Manama |
Bangladesh | Dhaka | Dacca
Barbados | Bridgetown |
Belarus | Minsk |
Belgium | Brussels |
Belize | Belmopan |
Benin | Porto-Novo | Porto Novo
Bhutan | Thimphu |
Bolivia | La Paz |
Bolivia | Sucre |
Bosnia | Sarajevo |
Botswana | Gaborone |
Brazil | Brasilia | Brasília
Brunei | Bandar Seri Begawan |
Bulgaria | Sofia |
Burkina Faso | Ouagadougou |
Burundi | Gitega |
Cambodia | Phnom Penh |
Cameroon | Yaounde | Yaoundé
Canada | Ottawa |
Cape Verde | Praia |
Central African Republic | Bangui |
Chad | N'Djamena | Ndjamena; N'Djaména
Chile | Santiago | Santiago de Chile
China | Beijing | Peking
Colombia | Bogota | Bogotá
Comoros | Moroni |
Democratic Republic of the Congo | Kinshasa |
Republic of the Congo | Brazzaville |
Costa Rica | San Jose | San José
Ivory Coast | Yamoussoukro |
Croatia | Zagreb |
Cuba | Havana |
Cyprus | Nicosia |
Czech Republic | Prague |
Denmark | Copenhagen |
Djibouti | Djibouti | Djibouti City
Dominica | Roseau |
Dominican Republic | Santo Domingo |
East Timor | Dili |
Ecuador | Quito |
Egypt | Cairo |
El Salvador | San Salvador |
Equatorial Guinea | Malabo |
Eritrea | Asmara |
Estonia | Tallinn |
Eswatini | Mbabane |
Eswatini | Lobamba |
Ethiopia | Addis Ababa |
Fiji | Suva |
Finland | Helsinki |
France | Paris |
Gabon | Libreville |
Gambia | Banjul |
Georgia | Tbilisi | Tiflis
Germany | Berlin |
Ghana | Accra |
Greece | Athens |
Grenada | St. George's | Saint George's
Guatemala | Guatemala City |
Guinea | Conakry |
Guinea-Bissau | Bissau |
Guyana | Georgetown |
Haiti | Port-au-Prince |
Honduras | Tegucigalpa |
Hungary | Budapest |
Iceland | Reykjavik | Reykjavík
India | New Delhi |
Indonesia | Jakarta | Djakarta
Iran | Tehran | Teheran
Iraq | Baghdad |
Ireland | Dublin |
Israel | Jerusalem |
Italy | Rome |
Jamaica | Kingston |
Japan | Tokyo |
Jordan | Amman |
Kazakhstan | Astana | Nur-Sultan; Akmola
Kenya | Nairobi |
Kiribati | South Tarawa | Tarawa
Kosovo | Pristina | Prishtina; Priština
Kuwait | Kuwait City |
Kyrgyzstan | Bishkek | Frunze
Laos | Vientiane |
Latvia | Riga |
Lebanon | Beirut |
Lesotho | Maseru |
Liberia | Monrovia |
Libya | Tripoli |
Liechtenstein | Vaduz |
Lithuania | Vilnius |
Luxembourg | Luxembourg | Luxembourg City
Madagascar | Antananarivo |
Malawi | Lilongwe |
Malaysia | Kuala Lumpur |
Malaysia | Putrajaya |
Maldives | Malé | !Male
Mali | Bamako |
Malta | Valletta | Valetta
Marshall Islands | Majuro |
Mauritania | Nouakchott |
Mauritius | Port Louis |
Mexico | Mexico City |
Micronesia | Palikir |
Moldova | Chisinau | Chișinău; Kishinev
Monaco | Monaco |
Mongolia | Ulaanbaatar | Ulan Bator
Montenegro | Podgorica | Titograd
Morocco | Rabat |
Mozambique | Maputo |
Myanmar | Naypyidaw | Naypyitaw; Nay Pyi Taw
Namibia | Windhoek |
Nauru | Yaren |
Nepal | Kathmandu | Katmandu
Netherlands | Amsterdam |
New Zealand | Wellington |
Nicaragua | Managua |
Niger | Niamey |
Nigeria | Abuja |
North Korea | Pyongyang |
North Macedonia | Skopje |
Norway | Oslo |
Oman | Muscat |
Pakistan | Islamabad |
Palau | Ngerulmud | Melekeok
Palestine | Ramallah |
Panama | Panama City |
Papua New Guinea | Port Moresby |
Paraguay | Asuncion | Asunción
Peru | Lima |
Philippines | Manila |
Poland | Warsaw |
Portugal | Lisbon |
Qatar | Doha |
Romania | Bucharest |
Russia | Moscow |
Rwanda | Kigali |
Saint Kitts and Nevis | Basseterre |
Saint Lucia | Castries |
Saint Vincent and the Grenadines | Kingstown |
Samoa | Apia |
San Marino | San Marino | City of San Marino
Sao Tome and Principe | Sao Tome | São Tomé
Saudi Arabia | Riyadh |
Senegal | Dakar |
Serbia | Belgrade |
Sierra Leone | Freetown |
Singapore | Singapore |
Slovakia | Bratislava |
Slovenia | Ljubljana |
Solomon Islands | Honiara |
Somalia | Mogadishu |
South Africa | Pretoria | Tshwane
South Africa | Cape Town |
South Africa | Bloemfontein |
South Korea | Seoul |
South Sudan | Juba |
Spain | Madrid |
Sri Lanka | Sri Jayawardenepura Kotte | Kotte
Sudan | Khartoum |
Suriname | Paramaribo |
Sweden | Stockholm |
Switzerland | Bern | Berne
Syria | Damascus |
Taiwan | Taipei |
Tajikistan | Dushanbe |
Tanzania | Dodoma |
Thailand | Bangkok |
Togo | Lome | Lomé
Tonga | Nuku'alofa |
Trinidad and Tobago | Port of Spain | Port-of-Spain
Tunisia | Tunis |
Turkey | Ankara |
Turkmenistan | Ashgabat | Ashkhabad
Tuvalu | Funafuti |
Uganda | Kampala |
Ukraine | Kyiv | Kiev
United Arab Emirates | Abu Dhabi |
United Kingdom | London |
United States | Washington | Washington, D.C.; Washington D.C.; Washington DC
Uruguay | Montevideo |
Uzbekistan | Tashkent |
Vanuatu | Port Vila |
Vatican | Vatican City |
Venezuela | Caracas |
Vietnam | Hanoi |
Yemen | Sanaa | Sana'a
Zambia | Lusaka |
Zimbabwe | Harare |
"""

# The 193 UN member states (ISO alpha-2) plus Taiwan, Kosovo, Palestine and the Vatican:
# each must have at least one capital above.
SOVEREIGN = set("""
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH
CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ
FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI
KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR
NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST
SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG
UA AE GB TZ US UY UZ VU VE VN YE ZM ZW TW XK PS VA
""".split())

# Sovereign states deliberately without a capital entry (the capital's name is unusable
# as a form, and readers match a city's name as well as its forms).
CAPITAL_EXEMPT = {
    "SC": "Victoria (Seychelles) collides with Queen Victoria, the Australian state, Victoria BC",
}

# Major cities (roughly all over ~2 million people) and places that are frequent in
# diplomatic and political news: country | city | other forms.
# Earlier lines win form collisions against later ones and against tzdata cities.
CITIES = r"""
United States | New York | New York City; NYC
United States | Los Angeles |
United States | Chicago |
United States | Houston |
United States | Phoenix |
United States | Philadelphia |
United States | San Antonio |
United States | San Diego |
United States | Dallas |
United States | San Francisco |
United States | Seattle |
United States | Boston |
United States | Miami |
United States | Atlanta |
United States | Detroit |
United States | Denver |
United States | Minneapolis |
United States | St. Louis | Saint Louis; St Louis
United States | Baltimore |
United States | Pittsburgh |
United States | Cleveland |
United States | Las Vegas |
United States | Honolulu |
United States | Anchorage |
United States | New Orleans |
United States | Austin |
United States | Nashville |
United States | Orlando |
United States | Tampa |
United States | Sacramento |
United States | Kansas City |
United States | Charlotte |
United States | Indianapolis |
United States | Salt Lake City |
United States | Annapolis |
United States | Williamsburg |
United States | Camp David |
United States | Mar-a-Lago |
United States | Palm Beach |
United States | Kennebunkport |
United States | Bretton Woods |
United States | Dayton |
United States | Pearl Harbor |
United States | Sea Island |
Canada | Toronto |
Canada | Montreal | Montréal
Canada | Vancouver |
Canada | Calgary |
Canada | Edmonton |
Canada | Quebec City | Québec City
Canada | Winnipeg |
Canada | Halifax |
Canada | Kananaskis |
Canada | Charlevoix |
Mexico | Guadalajara |
Mexico | Monterrey |
Mexico | Puebla |
Mexico | Tijuana |
Mexico | Ciudad Juarez | Ciudad Juárez; Juarez; Juárez
Mexico | Cancun | Cancún
Mexico | Acapulco |
Mexico | Veracruz |
Mexico | Los Cabos |
Cuba | Santiago de Cuba |
Cuba | Guantanamo | Guantánamo; Guantanamo Bay; Guantánamo Bay
Dominican Republic | Santiago de los Caballeros |
Haiti | Cap-Haitien | Cap-Haïtien
Jamaica | Montego Bay |
Puerto Rico | San Juan |
Brazil | Sao Paulo | São Paulo
Brazil | Rio de Janeiro | Rio
Brazil | Belo Horizonte |
Brazil | Salvador |
Brazil | Fortaleza |
Brazil | Recife |
Brazil | Porto Alegre |
Brazil | Curitiba |
Brazil | Manaus |
Brazil | Belem | Belém
Argentina | Cordoba | Córdoba
Argentina | Rosario |
Argentina | Mendoza |
Colombia | Medellin | Medellín
Colombia | Cali |
Colombia | Barranquilla |
Colombia | Cartagena |
Venezuela | Maracaibo |
Ecuador | Guayaquil |
Peru | Arequipa |
Chile | Valparaiso | Valparaíso
Uruguay | Punta del Este |
Bolivia | Santa Cruz de la Sierra |
United Kingdom | Birmingham |
United Kingdom | Manchester |
United Kingdom | Liverpool |
United Kingdom | Leeds |
United Kingdom | Glasgow |
United Kingdom | Edinburgh |
United Kingdom | Belfast |
United Kingdom | Cardiff |
United Kingdom | Bristol |
United Kingdom | Sheffield |
United Kingdom | Newcastle |
United Kingdom | Oxford |
United Kingdom | Cambridge |
United Kingdom | Aberdeen |
United Kingdom | Southampton |
United Kingdom | Portsmouth |
United Kingdom | Brighton |
United Kingdom | Gleneagles |
United Kingdom | Chequers |
United Kingdom | Londonderry | Derry
Ireland | Galway |
France | Marseille | Marseilles
France | Lyon | Lyons
France | Toulouse |
France | Strasbourg |
France | Bordeaux |
France | Lille |
France | Nantes |
France | Cannes |
France | Biarritz |
France | Evian | Évian; Evian-les-Bains
France | Versailles |
France | Rambouillet |
France | Deauville |
France | Calais |
France | Le Havre |
France | Montpellier |
France | Toulon |
Germany | Hamburg |
Germany | Munich | München
Germany | Cologne | Köln
Germany | Frankfurt | Frankfurt am Main
Germany | Stuttgart |
Germany | Dusseldorf | Düsseldorf
Germany | Bonn |
Germany | East Berlin |
Germany | West Berlin |
Germany | Dresden |
Germany | Leipzig |
Germany | Hanover | Hannover
Germany | Nuremberg | Nürnberg
Germany | Bremen |
Germany | Dortmund |
Germany | Essen |
Germany | Potsdam |
Germany | Heiligendamm |
Germany | Ramstein |
Italy | Milan |
Italy | Naples |
Italy | Turin |
Italy | Florence |
Italy | Venice |
Italy | Genoa |
Italy | Bologna |
Italy | Palermo |
Italy | Bari |
Italy | Catania |
Italy | L'Aquila |
Italy | Taormina |
Spain | Barcelona |
Spain | Valencia |
Spain | Seville | Sevilla
Spain | Bilbao |
Spain | Malaga | Málaga
Spain | Zaragoza |
Spain | Las Palmas |
Spain | Palma de Mallorca | Palma
Spain | Granada |
Spain | Ceuta |
Spain | Melilla |
Portugal | Porto | Oporto
Netherlands | The Hague | Hague; Den Haag
Netherlands | Rotterdam |
Netherlands | Utrecht |
Netherlands | Maastricht |
Netherlands | Eindhoven |
Belgium | Antwerp |
Belgium | Ghent |
Belgium | Liege | Liège
Belgium | Bruges |
Luxembourg | Schengen |
Switzerland | Geneva | Genève
Switzerland | Zurich | Zürich
Switzerland | Basel | Basle
Switzerland | Davos |
Switzerland | Lausanne |
Switzerland | Lucerne | Luzern
Switzerland | Lugano |
Switzerland | Montreux |
Switzerland | Locarno |
Switzerland | Bürgenstock | Burgenstock
Austria | Salzburg |
Austria | Innsbruck |
Austria | Graz |
Austria | Linz |
Sweden | Gothenburg | Göteborg
Sweden | Malmo | Malmö
Norway | Bergen |
Norway | Stavanger |
Norway | Tromso | Tromsø
Denmark | Aarhus |
Finland | Turku |
Finland | Tampere |
Poland | Krakow | Kraków; Cracow
Poland | Gdansk | Gdańsk; Danzig
Poland | Wroclaw | Wrocław
Poland | Lodz | Łódź
Poland | Poznan | Poznań
Poland | Rzeszow | Rzeszów
Poland | Katowice |
Poland | Szczecin |
Czech Republic | Brno |
Slovakia | Kosice | Košice
Hungary | Debrecen |
Romania | Cluj-Napoca | Cluj
Romania | Constanta | Constanța
Romania | Timisoara | Timișoara
Bulgaria | Varna |
Bulgaria | Plovdiv |
Greece | Thessaloniki | Salonika
Greece | Piraeus |
Greece | Corfu |
Croatia | Dubrovnik |
Bosnia | Mostar |
Bosnia | Srebrenica |
Bosnia | Banja Luka |
Serbia | Novi Sad |
North Macedonia | Ohrid |
Albania | Durres | Durrës
Estonia | Tartu |
Estonia | Narva |
Lithuania | Kaunas |
Lithuania | Klaipeda | Klaipėda
Latvia | Daugavpils |
Ukraine | Kharkiv | Kharkov
Ukraine | Odesa | Odessa
Ukraine | Dnipro | Dnipropetrovsk; Dnepropetrovsk
Ukraine | Donetsk |
Ukraine | Lviv | Lvov; Lwów
Ukraine | Zaporizhzhia | Zaporozhye
Ukraine | Mariupol |
Ukraine | Kherson |
Ukraine | Luhansk | Lugansk
Ukraine | Mykolaiv | Nikolaev
Ukraine | Sevastopol |
Ukraine | Simferopol |
Ukraine | Yalta |
Ukraine | Bakhmut |
Ukraine | Kramatorsk |
Ukraine | Chernobyl | Chornobyl
Ukraine | Chernihiv |
Ukraine | Sumy |
Ukraine | Poltava |
Ukraine | Bucha |
Ukraine | Irpin |
Belarus | Gomel | Homel
Belarus | Vitebsk |
Belarus | Grodno |
Russia | Saint Petersburg | St. Petersburg; St Petersburg; Leningrad; Petrograd
Russia | Novosibirsk |
Russia | Yekaterinburg | Ekaterinburg; Sverdlovsk
Russia | Kazan |
Russia | Nizhny Novgorod |
Russia | Chelyabinsk |
Russia | Samara | Kuibyshev
Russia | Omsk |
Russia | Rostov-on-Don | Rostov
Russia | Ufa |
Russia | Krasnoyarsk |
Russia | Voronezh |
Russia | Volgograd | Stalingrad
Russia | Sochi |
Russia | Vladivostok |
Russia | Murmansk |
Russia | Kaliningrad | Königsberg
Russia | Irkutsk |
Russia | Grozny |
Russia | Belgorod |
Russia | Kursk |
Russia | Khabarovsk |
Russia | Arkhangelsk | Archangel
Russia | Novorossiysk |
Russia | Pskov |
Russia | Smolensk |
Russia | Bryansk |
Russia | Makhachkala |
Russia | Beslan |
Russia | Vladikavkaz |
Russia | Tula |
Russia | Yaroslavl |
Russia | Tomsk |
Russia | Novgorod |
Russia | Severodvinsk |
Georgia | Batumi |
Georgia | Kutaisi |
Georgia | Sukhumi |
Georgia | Tskhinvali |
Azerbaijan | Stepanakert | Khankendi
Azerbaijan | Shusha |
Armenia | Gyumri |
Kazakhstan | Almaty | Alma-Ata
Kazakhstan | Baikonur |
Kazakhstan | Shymkent |
Kazakhstan | Semipalatinsk | Semey
Uzbekistan | Samarkand |
Uzbekistan | Bukhara |
Uzbekistan | Andijan |
Kyrgyzstan | Osh |
Tajikistan | Khujand |
Afghanistan | Kandahar |
Afghanistan | Herat |
Afghanistan | Mazar-i-Sharif | Mazar-e-Sharif
Afghanistan | Jalalabad |
Afghanistan | Kunduz |
Afghanistan | Bagram |
Turkey | Istanbul |
Turkey | Izmir | İzmir
Turkey | Antalya |
Turkey | Bursa |
Turkey | Adana |
Turkey | Gaziantep |
Turkey | Diyarbakir | Diyarbakır
Turkey | Incirlik | İncirlik
Turkey | Konya |
Turkey | Trabzon |
Turkey | Mersin |
Turkey | Bodrum |
Saudi Arabia | Jeddah | Jidda; Jedda
Saudi Arabia | Mecca | Makkah
Saudi Arabia | Medina |
Saudi Arabia | Dammam |
Saudi Arabia | Dhahran |
Saudi Arabia | Taif |
United Arab Emirates | Dubai |
United Arab Emirates | Sharjah |
Iraq | Basra | Basrah
Iraq | Mosul |
Iraq | Erbil | Irbil; Arbil
Iraq | Kirkuk |
Iraq | Najaf |
Iraq | Karbala |
Iraq | Fallujah | Falluja
Iraq | Tikrit |
Iraq | Ramadi |
Iraq | Sulaymaniyah |
Syria | Aleppo |
Syria | Homs |
Syria | Idlib |
Syria | Raqqa |
Syria | Latakia |
Syria | Hama |
Syria | Daraa | Deraa
Syria | Deir ez-Zor |
Syria | Tartus |
Syria | Palmyra |
Israel | Tel Aviv |
Israel | Haifa |
Israel | Eilat |
Israel | Ashkelon |
Israel | Ashdod |
Israel | Beersheba |
Israel | Nazareth |
Israel | Sderot |
Palestine | Gaza City |
Palestine | East Jerusalem |
Palestine | Hebron |
Palestine | Bethlehem |
Palestine | Nablus |
Palestine | Jenin |
Palestine | Jericho |
Palestine | Rafah |
Palestine | Khan Younis | Khan Yunis
Lebanon | Sidon |
Lebanon | Baalbek |
Jordan | Aqaba |
Jordan | Zarqa |
Iran | Isfahan |
Iran | Mashhad |
Iran | Tabriz |
Iran | Shiraz |
Iran | Qom |
Iran | Ahvaz |
Iran | Natanz |
Iran | Bushehr |
Iran | Bandar Abbas |
Iran | Fordow |
Iran | Abadan |
Yemen | Aden |
Yemen | Hodeidah |
Yemen | Marib |
Yemen | Taiz |
Oman | Salalah |
Egypt | Alexandria |
Egypt | Sharm el-Sheikh | Sharm El-Sheikh; Sharm el Sheikh
Egypt | Port Said |
Egypt | Suez |
Egypt | Luxor |
Egypt | Aswan |
Egypt | Ismailia |
Egypt | Giza |
Egypt | Taba |
Egypt | El Arish | Arish
Morocco | Casablanca |
Morocco | Marrakesh | Marrakech
Morocco | Tangier | Tangiers
Morocco | Fez | Fes
Libya | Benghazi |
Libya | Misrata | Misurata
Libya | Tobruk |
Libya | Sirte |
Algeria | Oran |
Tunisia | Sfax |
Nigeria | Lagos |
Nigeria | Kano |
Nigeria | Ibadan |
Nigeria | Port Harcourt |
Nigeria | Kaduna |
Nigeria | Maiduguri |
Ivory Coast | Abidjan |
Cameroon | Douala |
Tanzania | Dar es Salaam |
Tanzania | Zanzibar |
Tanzania | Arusha |
Kenya | Mombasa |
Kenya | Kisumu |
Democratic Republic of the Congo | Goma |
Democratic Republic of the Congo | Lubumbashi |
Democratic Republic of the Congo | Bukavu |
Democratic Republic of the Congo | Kisangani |
Republic of the Congo | Pointe-Noire |
South Africa | Johannesburg |
South Africa | Durban |
South Africa | Port Elizabeth | Gqeberha
South Africa | Soweto |
Zimbabwe | Bulawayo |
Mozambique | Beira |
Sudan | Omdurman |
Sudan | Port Sudan |
Sudan | El Fasher | Al-Fashir
Somalia | Hargeisa |
Somalia | Kismayo |
Ethiopia | Mekelle |
Ethiopia | Dire Dawa |
Burundi | Bujumbura |
Mali | Timbuktu |
Mali | Gao |
Niger | Agadez |
Senegal | Touba |
Benin | Cotonou |
Ghana | Kumasi |
Namibia | Walvis Bay |
Angola | Cabinda |
India | Mumbai | Bombay
India | Delhi |
India | Kolkata | Calcutta
India | Chennai | Madras
India | Bengaluru | Bangalore
India | Hyderabad |
India | Ahmedabad |
India | Pune | Poona
India | Surat |
India | Jaipur |
India | Lucknow |
India | Kanpur |
India | Nagpur |
India | Srinagar |
India | Amritsar |
India | Kochi | Cochin
India | Varanasi |
India | Patna |
India | Bhopal |
India | Agra |
Pakistan | Karachi |
Pakistan | Lahore |
Pakistan | Rawalpindi |
Pakistan | Faisalabad |
Pakistan | Quetta |
Pakistan | Multan |
Pakistan | Peshawar |
Pakistan | Abbottabad |
Pakistan | Gwadar |
Bangladesh | Chittagong | Chattogram
Nepal | Pokhara |
Sri Lanka | Colombo |
Sri Lanka | Kandy |
Sri Lanka | Jaffna |
China | Shanghai |
China | Tianjin | Tientsin
China | Guangzhou | Canton
China | Shenzhen |
China | Chongqing | Chungking
China | Chengdu |
China | Wuhan |
China | Xi'an | Xian
China | Nanjing | Nanking
China | Hangzhou |
China | Shenyang |
China | Harbin |
China | Dalian |
China | Qingdao | Tsingtao
China | Jinan |
China | Zhengzhou |
China | Changsha |
China | Kunming |
China | Xiamen | Amoy
China | Fuzhou |
China | Suzhou |
China | Dongguan |
China | Foshan |
China | Hefei |
China | Nanning |
China | Urumqi | Ürümqi
China | Lhasa |
China | Lanzhou |
China | Shijiazhuang |
China | Taiyuan |
China | Ningbo |
China | Changchun |
China | Zhuhai |
China | Boao |
Taiwan | Kaohsiung |
Taiwan | Taichung |
Taiwan | Tainan |
Japan | Osaka |
Japan | Yokohama |
Japan | Nagoya |
Japan | Sapporo |
Japan | Kobe |
Japan | Kyoto |
Japan | Fukuoka |
Japan | Hiroshima |
Japan | Nagasaki |
Japan | Sendai |
Japan | Naha |
Japan | Fukushima |
South Korea | Busan | Pusan
South Korea | Incheon | Inchon
South Korea | Daegu | Taegu
South Korea | Daejeon | Taejon
South Korea | Gwangju | Kwangju
South Korea | Ulsan |
South Korea | Panmunjom |
North Korea | Kaesong |
North Korea | Wonsan |
North Korea | Yongbyon |
North Korea | Sinuiju |
Vietnam | Ho Chi Minh City | Saigon
Vietnam | Da Nang | Danang
Vietnam | Haiphong | Hai Phong
Thailand | Chiang Mai |
Thailand | Pattaya |
Thailand | Phuket |
Myanmar | Yangon | Rangoon
Myanmar | Mandalay |
Indonesia | Surabaya |
Indonesia | Bandung |
Indonesia | Medan |
Indonesia | Semarang |
Indonesia | Makassar |
Indonesia | Bali |
Indonesia | Denpasar |
Philippines | Quezon City |
Philippines | Cebu |
Philippines | Davao |
Philippines | Marawi |
Malaysia | Penang |
Malaysia | Johor Bahru |
Cambodia | Siem Reap |
Laos | Luang Prabang |
Australia | Sydney |
Australia | Melbourne |
Australia | Brisbane |
Australia | Perth |
Australia | Adelaide |
Australia | Darwin |
Australia | Hobart |
New Zealand | Auckland |
New Zealand | Christchurch |
New Caledonia | Noumea | Nouméa
French Polynesia | Papeete |
American Samoa | Pago Pago |
Greenland | Nuuk | Godthab
Faroe Islands | Torshavn | Tórshavn
Hong Kong | Kowloon |
Argentina | Ushuaia |
Chile | Punta Arenas |
"""

# Non-capital single-word city forms kept although they are also lower-case English words
# (they practically never start a sentence in their common-word sense).
DICT_KEEP = {"Shanghai", "Cologne", "Muscat", "Bologna", "Canton", "Mecca", "Fez",
             "Astrakhan", "Phoenix", "Anchorage", "Oxford", "Madras", "Tangier", "Liege"}

# Curated stoplist used whether or not /usr/share/dict/words exists: forms that are also
# common English words, or common personal names, or not cities at all.
STOP_FORMS = {
    # common words / weak as place names
    "Mobile", "Reading", "Nice", "Bath", "Split", "Of", "Male", "Victoria", "Center",
    "Resolute", "Troll", "Wake", "Midway", "Easter", "Oral", "Cayenne", "Chihuahua", "Hue",
    "Perm", "Cork", "Limerick", "Tyre", "Colon", "Derby", "Hull", "Sandwich", "Ware",
    "Christmas", "Comoro", "Cocos", "Canary", "Chagos", "Archangel",
    # personal names / surnames
    "Stanley", "Knox", "Palmer", "Casey", "Davis", "Beulah", "Dawson", "Creston",
    "Monticello", "Menominee", "Marengo", "Petersburg", "Hamilton", "Columbus", "Regina",
    "Ho Chi Minh", "Charlotte Amalie", "Syowa", "Mawson", "Vostok", "Rothera",
}

# Ambiguous names resolved by design (the losing places are simply not listed, or are
# dropped by the collision check); logged on every run so the choice stays visible.
RESOLVED = [
    ("Georgia", "the country; the U.S. state is not listed"),
    ("Congo", "Democratic Republic of the Congo (AP style); Republic of the Congo keeps its long forms"),
    ("Congolese", "Democratic Republic of the Congo"),
    ("Dominican", "Dominican Republic; Dominica has no adjective"),
    ("Korea, Korean", "region Korean Peninsula, not either state"),
    ("Central African", "Central African Republic; region Central Africa has no adjective"),
    ("Santiago", "capital of Chile; Santiago de Cuba and Santiago de los Caballeros only by full name"),
    ("San Jose", "capital of Costa Rica; San Jose, California is not listed"),
    ("San Juan", "Puerto Rico; San Juan, Argentina (tzdata) dropped"),
    ("Valencia", "Spain; Valencia, Venezuela is not listed"),
    ("Hyderabad", "India; Hyderabad, Pakistan is not listed"),
    ("Cordoba", "Argentina; Cordoba, Spain is not listed"),
    ("Cartagena", "Colombia; Cartagena, Spain is not listed"),
    ("Tripoli", "capital of Libya; Tripoli, Lebanon is not listed"),
    ("Kingston", "capital of Jamaica"),
    ("St. John's", "capital of Antigua and Barbuda; St. John's, Newfoundland (tzdata) skipped"),
    ("Birmingham, Newcastle, Cambridge, Perth", "the U.K. cities, except Perth (Australia)"),
    ("Gaza", "country form of Palestine; the city is Gaza City"),
    ("Jerusalem", "Israel (capital); East Jerusalem is listed under Palestine; Ramallah is Palestine's capital"),
    ("Bonn, East Berlin", "cities map to present-day countries; historical states have no cities"),
    ("Crimea, Sevastopol, Simferopol, Yalta", "Ukraine, as in ISO 3166 and tzdata zone.tab"),
]

# tzdata locations that are islands, regions, stations or villages, not cities.
TZ_SKIP = {
    "Madeira", "Azores", "Faroe", "Cape_Verde", "Kerguelen", "Galapagos", "Chatham",
    "Marquesas", "Gambier", "Tahiti", "Bougainville", "Guadalcanal", "Efate", "Tongatapu",
    "Kwajalein", "Kosrae", "Chuuk", "Pohnpei", "Wallis", "Fakaofo", "Kanton", "Kiritimati",
    "Norfolk", "Lord_Howe", "Macquarie", "Lindeman", "Tortola", "St_Thomas", "Bahia",
    "Noronha", "Sakhalin", "Kamchatka", "Busingen", "South_Georgia", "Costa_Rica",
    "El_Salvador", "Jamaica", "Guyana", "Antigua", "Mahe", "Eucla", "Danmarkshavn",
    "Lower_Princes", "St_Johns", "St_Kitts", "St_Lucia", "St_Vincent", "St_Barthelemy",
    "St_Helena", "Cayman", "Bahia_Banderas", "Thule", "Reunion", "Mauritius", "Maldives",
    "Mayotte", "Puerto_Rico", "Ho_Chi_Minh", "Isle_of_Man", "Hong_Kong",
}

# Regions: name | forms | adjectives
REGIONS = r"""
Europe | Europe | European
Western Europe | Western Europe; West Europe | Western European; West European
Eastern Europe | Eastern Europe; East Europe | Eastern European; East European
Central Europe | Central Europe | Central European
Eastern Bloc | Eastern Bloc; Eastern bloc; Soviet Bloc; Soviet bloc; East Bloc; East bloc |
Scandinavia | Scandinavia | Scandinavian
Nordic countries | Nordic countries; Nordics | Nordic
Baltic | Baltic; Baltics; Baltic states; Baltic States | Baltic
Balkans | Balkans | Balkan
Caucasus | Caucasus; South Caucasus; North Caucasus |
Iberia | Iberian Peninsula; Iberia | Iberian
Mediterranean | Mediterranean | Mediterranean
Middle East | Middle East; Mideast; Near East | Middle Eastern; Mideast
Gulf | Gulf; Persian Gulf; Arabian Gulf | Gulf
Arab world | Arab world; Arab World | Arab
Levant | Levant | Levantine
Maghreb | Maghreb | Maghrebi
Africa | Africa | African
North Africa | North Africa | North African
West Africa | West Africa | West African
East Africa | East Africa | East African
Central Africa | Central Africa |
Southern Africa | Southern Africa | Southern African
Sub-Saharan Africa | Sub-Saharan Africa; sub-Saharan Africa | Sub-Saharan; sub-Saharan
Horn of Africa | Horn of Africa |
Sahel | Sahel | Sahelian
Sahara | Sahara | Saharan
Asia | Asia | Asian
East Asia | East Asia | East Asian
Southeast Asia | Southeast Asia; South-East Asia | Southeast Asian; South-East Asian
Far East | Far East | Far Eastern
South Asia | South Asia; Indian subcontinent | South Asian
Central Asia | Central Asia | Central Asian
Asia-Pacific | Asia-Pacific; Asia Pacific | Asia-Pacific
Indo-Pacific | Indo-Pacific | Indo-Pacific
Eurasia | Eurasia | Eurasian
Korean Peninsula | Korean Peninsula; Korean peninsula; Korea | Korean
Siberia | Siberia | Siberian
Pacific | Pacific; South Pacific; Pacific Ocean | Pacific
Oceania | Oceania |
Atlantic | Atlantic; North Atlantic; Atlantic Ocean | Atlantic; transatlantic; Transatlantic
Indian Ocean | Indian Ocean |
Arctic | Arctic | Arctic
Antarctica | Antarctica; Antarctic | Antarctic
Americas | Americas; Western Hemisphere |
North America | North America | North American
Latin America | Latin America | Latin American
South America | South America | South American
Central America | Central America | Central American
Caribbean | Caribbean; West Indies | Caribbean; West Indian
West | West | Western
Third World | Third World; developing world; Global South |
Black Sea | Black Sea |
Red Sea | Red Sea |
Caspian | Caspian Sea; Caspian | Caspian
South China Sea | South China Sea |
Taiwan Strait | Taiwan Strait; Formosa Strait |
Strait of Hormuz | Strait of Hormuz; Hormuz Strait; Hormuz |
Suez Canal | Suez Canal |
Sinai | Sinai; Sinai Peninsula |
Golan Heights | Golan Heights; Golan |
Kashmir | Kashmir; Jammu and Kashmir | Kashmiri
Punjab | Punjab | Punjabi
Balochistan | Balochistan; Baluchistan | Baloch; Baluch
Kurdistan | Kurdistan; Iraqi Kurdistan | Kurdish
Tibet | Tibet | Tibetan
Xinjiang | Xinjiang |
Chechnya | Chechnya | Chechen
Crimea | Crimea | Crimean
Donbas | Donbas; Donbass |
Nagorno-Karabakh | Nagorno-Karabakh; Karabakh |
Transnistria | Transnistria; Trans-Dniester; Transdniestria |
Abkhazia | Abkhazia | Abkhaz
South Ossetia | South Ossetia | South Ossetian
Darfur | Darfur |
Mindanao | Mindanao |
Catalonia | Catalonia | Catalan
Basque Country | Basque Country | Basque
Bavaria | Bavaria | Bavarian
# names that contain a country's form but are not that country (guards for longest match)
New Guinea | New Guinea |
New Mexico | New Mexico |
New Jersey | New Jersey |
New England | New England |
New South Wales | New South Wales |
British Columbia | British Columbia |
Niger Delta | Niger Delta |
Gulf of Mexico | Gulf of Mexico |
Gulf of Guinea | Gulf of Guinea |
Gulf of Aden | Gulf of Aden |
Gulf of Oman | Gulf of Oman |
Sea of Japan | Sea of Japan |
Jordan Valley | Jordan Valley; Jordan River |
"""

# ---------------------------------------------------------------------------------------

YAML_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}
PLAIN_RE = re.compile(r"^[^\W\d_][\w .'\-]*[\w.]$|^[^\W\d_]$", re.UNICODE)


def ystr(s):
    """A scalar for a YAML flow collection, quoted only when needed."""
    if PLAIN_RE.match(s) and s.lower() not in YAML_RESERVED and ": " not in s:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ylist(items):
    return "[" + ", ".join(ystr(x) for x in items) + "]"


def split_list(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def rows(table, ncols):
    for line in table.strip("\n").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("|")]
        if len(cols) != ncols:
            raise SystemExit("bad curated row (%d columns, want %d): %r" % (len(cols), ncols, line))
        yield cols


class Log:
    def __init__(self, quiet):
        self.quiet = quiet
        self.lines = []

    def __call__(self, msg):
        self.lines.append(msg)
        if not self.quiet:
            print(msg, file=sys.stderr)


def uniq(seq):
    out, seen = [], set()
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def load_dict_words():
    try:
        with open(DICT_WORDS, encoding="utf-8", errors="replace") as f:
            return {w.strip() for w in f if w.strip() and w[0].islower()}
    except OSError:
        return None


def load_tz():
    """[(code, city form)] from zone.tab (one code each) then zone1970.tab (first code)."""
    seen, out = set(), []
    for path in ZONE_TABS:
        try:
            f = open(path, encoding="utf-8")
        except OSError:
            continue
        with f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                codes, tz = cols[0].split(","), cols[2]
                if tz in seen:
                    continue
                seen.add(tz)
                out.append((codes[0], tz))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    log = Log(args.quiet)

    with open(ISO_JSON, encoding="utf-8") as f:
        iso = {c["alpha_2"]: c for c in json.load(f)["3166-1"]}

    # -- countries ---------------------------------------------------------------------
    countries = []  # dicts: code, name, forms, adjectives, demonyms
    by_code, by_name = {}, {}
    curated_codes = set()
    for code, name, forms, adjs, dems in rows(COUNTRIES, 5):
        curated_codes.add(code)
        if code in SKIP_ISO:
            continue
        rec = iso.get(code)
        if not code.startswith("H-") and code != "XK" and rec is None:
            log("warning: curated country code %s not in iso-codes" % code)
        extra = split_list(forms)
        drop = {x[1:] for x in extra if x.startswith("!")}
        extra = [x for x in extra if not x.startswith("!")]
        if not name:
            name = rec.get("common_name", rec["name"])
        auto = []
        if rec:
            for key in ("common_name", "name", "official_name"):
                v = rec.get(key)
                if v:
                    v = re.sub(r"^the ", "", v)
                    if "," in v or "(" in v:
                        continue
                    auto.append(v)
        all_forms = uniq([name] + extra + auto)
        all_forms = [x for x in all_forms if x not in drop]
        c = {"code": code, "name": name, "forms": all_forms,
             "adjectives": uniq(split_list(adjs)), "demonyms": uniq(split_list(dems))}
        countries.append(c)
        by_code[code] = c
        by_name[name] = c
    for code, rec in sorted(iso.items()):
        if code not in curated_codes and code not in SKIP_ISO:
            name = rec.get("common_name", rec["name"])
            log("note: iso-codes country %s %r has no curated row; added with iso names" % (code, name))
            c = {"code": code, "name": name,
                 "forms": uniq([name] + [rec[k] for k in ("name", "official_name") if k in rec
                                          and "," not in rec[k] and "(" not in rec[k]]),
                 "adjectives": [], "demonyms": []}
            countries.append(c)
            by_code[code] = c
            by_name[name] = c

    # -- form registry: every surface form maps to exactly one place -----------------------
    owner = {}  # form -> (kind, name)

    def claim(form, kind, name, what):
        """True if form is (now) owned by (kind, name); logs and returns False otherwise."""
        cur = owner.get(form)
        if cur is None:
            owner[form] = (kind, name)
            return True
        if cur == (kind, name):
            return True
        log("collision: %s %r of %s %r already belongs to %s %r; dropped"
            % (what, form, kind, name, cur[0], cur[1]))
        return False

    # Countries first: their names, then forms, then adjectives and demonyms.
    for c in countries:
        claim(c["name"], "country", c["name"], "name")
    for c in countries:
        c["forms"] = [x for x in c["forms"] if claim(x, "country", c["name"], "form")]
        c["adjectives"] = [x for x in c["adjectives"] if claim(x, "country", c["name"], "adjective")]
        c["demonyms"] = [x for x in c["demonyms"] if claim(x, "country", c["name"], "demonym")]

    # Regions next (so "Korea" / "Korean" go to the peninsula, not to one state).
    regions = []
    for name, forms, adjs in rows(REGIONS, 3):
        r = {"name": name, "forms": [], "adjectives": []}
        r["forms"] = [x for x in uniq(split_list(forms)) if claim(x, "region", name, "form")]
        r["adjectives"] = [x for x in uniq(split_list(adjs)) if claim(x, "region", name, "adjective")]
        regions.append(r)

    for form, why in RESOLVED:
        log("resolved: %s -> %s" % (form, why))

    dict_words = load_dict_words()
    if dict_words is None:
        log("note: %s absent; using the curated stoplist only" % DICT_WORDS)

    def is_word(form):
        return form in STOP_FORMS or (
            dict_words is not None and " " not in form and form.lower() in dict_words)

    cities, city_key = [], {}

    def add_city(country, name, forms, capital, source):
        c = by_name.get(country)
        if c is None:
            log("error: %s city %r: unknown country %r" % (source, name, country))
            return
        key = (name, country)
        if key in city_key:  # same city again (e.g. tzdata after the curated list)
            ent = city_key[key]
            ent["capital"] = ent["capital"] or capital
            return
        kept = []
        for x in uniq([name] + forms):
            if x.startswith("!"):
                continue
            if x in forms and ("!" + x) in forms:
                continue
            if x == name and ("!" + name) in forms:
                continue
            stop = x in STOP_FORMS or (not capital and x not in DICT_KEEP and is_word(x))
            if stop:
                log("stopword: %s city form %r (%s) dropped" % (source, x, country))
                continue
            if claim(x, "city", name + ", " + country, source + " city form"):
                kept.append(x)
        if not kept and name == country:
            # city-state: the country's own entry covers it (readers skip a city whose
            # name is a country's); kept so that every capital is listed
            log("note: capital %r of %s kept with no form of its own (city-state)" % (name, country))
        elif not kept:
            log("dropped: %s city %r (%s) has no usable form" % (source, name, country))
            return
        elif name not in kept:
            # readers also match the name itself, so the name must be a usable form
            log("renamed: %s city %r (%s) -> %r" % (source, name, country, kept[0]))
            key = (kept[0], country)
            name = kept[0]
        ent = {"name": name, "country": country, "capital": capital, "forms": kept}
        cities.append(ent)
        city_key[key] = ent

    for country, name, forms in rows(CAPITALS, 3):
        add_city(country, name, split_list(forms), True, "capital")
    for country, name, forms in rows(CITIES, 3):
        add_city(country, name, split_list(forms), False, "curated")

    # tzdata cities: a tz city equal to a form already owned by a city of the same country
    # is that city; otherwise it is a new city.
    for code, tz in load_tz():
        parts = tz.split("/")
        if parts[0] in ("Antarctica", "Etc") or parts[-1] in TZ_SKIP:
            continue
        form = parts[-1].replace("_", " ")
        c = by_code.get(code)
        if c is None:
            continue
        cur = owner.get(form)
        if cur and cur[0] == "city" and cur[1].endswith(", " + c["name"]):
            continue
        if cur and cur == ("country", c["name"]):
            continue  # tz zone named after its own country (Kuwait, Singapore, ...)
        add_city(c["name"], form, [], False, "tzdata")

    # -- validation ----------------------------------------------------------------------
    errors = 0
    names = {c["name"] for c in countries}
    for ci in cities:
        if ci["country"] not in names:
            log("error: city %r has unknown country %r" % (ci["name"], ci["country"]))
            errors += 1
    capital_codes = {by_name[ci["country"]]["code"] for ci in cities if ci["capital"]}
    for code in sorted(SOVEREIGN - capital_codes):
        if code in CAPITAL_EXEMPT:
            log("note: %s has no capital entry: %s" % (code, CAPITAL_EXEMPT[code]))
            continue
        log("error: sovereign state %s has no capital" % code)
        errors += 1
    for ci in cities:
        if ci["forms"] and ci["name"] not in ci["forms"]:
            log("error: city %r is not one of its own forms" % ci["name"])
            errors += 1
    for e in countries + regions:
        if e["name"] not in e["forms"]:
            log("error: %r is not one of its own forms" % e["name"])
            errors += 1
    inverse = {}
    for c in countries:
        for x in c["forms"] + c["adjectives"] + c["demonyms"]:
            inverse.setdefault(x, set()).add(("country", c["name"]))
    for r in regions:
        for x in r["forms"] + r["adjectives"]:
            inverse.setdefault(x, set()).add(("region", r["name"]))
    for ci in cities:
        for x in ci["forms"]:
            inverse.setdefault(x, set()).add(("city", ci["name"] + ", " + ci["country"]))
    for x, places in inverse.items():
        if len(places) > 1:
            log("error: form %r maps to %s" % (x, sorted(places)))
            errors += 1
    if dict_words is not None:
        for c in countries:
            for x in c["forms"] + c["adjectives"] + c["demonyms"]:
                if " " not in x and x.lower() in dict_words:
                    log("note: country %r form %r is also a lower-case word (kept)" % (c["name"], x))

    # -- output --------------------------------------------------------------------------
    historical = [c for c in countries if c["code"].startswith("H-")]
    current = sorted((c for c in countries if not c["code"].startswith("H-")),
                     key=lambda c: c["name"])
    cities.sort(key=lambda c: (c["name"], c["country"]))
    out = ["# generated by config/generate/places.py from iso-codes, tzdata and the curated "
           "list in config/generate/places.py; do not edit by hand",
           "countries:"]
    for c in current + historical:
        if c is historical[0] if historical else False:
            out.append("  # historical states, for archival newswire")
        out.append("  - {name: %s, forms: %s, adjectives: %s, demonyms: %s}"
                   % (ystr(c["name"]), ylist(c["forms"]), ylist(c["adjectives"]),
                      ylist(c["demonyms"])))
    out.append("cities:")
    for ci in cities:
        out.append("  - {name: %s, country: %s, capital: %s, forms: %s}"
                   % (ystr(ci["name"]), ystr(ci["country"]),
                      "true" if ci["capital"] else "false", ylist(ci["forms"])))
    out.append("regions:")
    for r in regions:
        out.append("  - {name: %s, forms: %s, adjectives: %s}"
                   % (ystr(r["name"]), ylist(r["forms"]), ylist(r["adjectives"])))
    text = "\n".join(out) + "\n"

    # Round-trip check with PyYAML.
    try:
        import yaml
        data = yaml.safe_load(text)
        want = [(c["name"], c["forms"], c["adjectives"], c["demonyms"]) for c in current + historical]
        got = [(c["name"], c["forms"], c["adjectives"], c["demonyms"]) for c in data["countries"]]
        if want != got or len(data["cities"]) != len(cities) or len(data["regions"]) != len(regions):
            log("error: YAML round trip differs")
            errors += 1
        for ci, d in zip(cities, data["cities"]):
            if (ci["name"], ci["country"], ci["capital"], ci["forms"]) != \
                    (d["name"], d["country"], d["capital"], d["forms"]):
                log("error: YAML round trip differs at city %r" % ci["name"])
                errors += 1
    except ImportError:
        log("note: PyYAML not installed; round-trip check skipped")

    if errors:
        print("%d error(s); %s not written" % (errors, args.out), file=sys.stderr)
        return 1
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    ncap = sum(1 for c in cities if c["capital"])
    print("wrote %s: %d countries (%d historical), %d cities (%d capitals), %d regions"
          % (args.out, len(countries), len(historical), len(cities), ncap, len(regions)),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
