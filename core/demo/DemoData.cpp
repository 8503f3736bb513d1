#include "demo/DemoData.h"

#include "contacts/ContactService.h"
#include "contacts/Outcomes.h"
#include "rules/ScreeningDecisionService.h"
#include "workflow/ContactWorkflow.h"
#include "workflow/StrategyDiscussions.h"
#include "users/UserService.h"
#include "util/Errors.h"
#include "util/Text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <string_view>

namespace frontdoor::core {
namespace {

using Random = std::mt19937_64;
using namespace std::chrono;

const char* const kFemaleNames[] = {
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella",
    "Rosie", "Sophia", "Grace", "Freya", "Willow", "Florence", "Emily", "Ella",
    "Poppy", "Evie", "Elsie", "Charlotte", "Evelyn", "Sienna", "Daisy", "Phoebe",
    "Chloe", "Jessica", "Ruby", "Millie", "Erin", "Holly", "Megan", "Zara",
    "Aisha", "Maryam", "Zofia", "Hannah", "Leah", "Katie", "Lauren", "Niamh",
    "Harper", "Matilda", "Alice", "Ada", "Violet", "Aurora", "Maya", "Luna",
    "Esme", "Layla", "Eliza", "Mabel", "Hallie", "Bonnie", "Thea", "Emilia",
    "Ivy-Rose", "Orla", "Maisie", "Molly", "Lottie", "Nancy", "Lucy", "Lola",
    "Imogen", "Eleanor", "Penelope", "Ayla", "Eva", "Iris", "Lyla", "Delilah",
    "Margot", "Aria", "Nova", "Heidi", "Harriet", "Gracie", "Beatrice", "Darcie",
    "Clara", "Edith", "Hazel", "Jasmine", "Maeve", "Amira", "Fatima", "Khadija",
    "Hafsa", "Zainab", "Safa", "Inaya", "Anaya", "Priya", "Simran", "Amelie",
    "Lena", "Natalia", "Oliwia", "Julia", "Maja", "Zuzanna", "Kayla", "Tia",
    "Shannon", "Courtney", "Jade", "Kirsty", "Demi", "Paige", "Tegan", "Macy",
    "Skye", "Abigail", "Caitlin", "Bethany", "Rebecca", "Amber", "Kelsey", "Ellie",
    "Alisha", "Jodie", "Keira", "Leila",
};
const char* const kMaleNames[] = {
    "Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Muhammad", "Jack",
    "Charlie", "Oscar", "Jacob", "Henry", "Thomas", "Freddie", "Alfie", "Theo",
    "William", "Theodore", "Archie", "Joshua", "Alexander", "James", "Isaac", "Edward",
    "Lucas", "Tommy", "Finley", "Max", "Logan", "Ethan", "Mason", "Harrison",
    "Dylan", "Riley", "Jayden", "Kai", "Callum", "Connor", "Liam", "John",
    "Albie", "Reggie", "Teddy", "Hugo", "Ronnie", "Rory", "Jude", "Ezra",
    "Elijah", "Louie", "Sonny", "Bobby", "Frankie", "Stanley", "Toby", "Jaxon",
    "Jenson", "Rowan", "Elliot", "Sebastian", "Hunter", "Zachary", "Joseph", "Benjamin",
    "Samuel", "Daniel", "Matthew", "Luke", "Adam", "Nathan", "Jamie", "Ryan",
    "Kyle", "Lewis", "Aaron", "Jordan", "Bailey", "Kieran", "Declan", "Cian",
    "Aiden", "Brandon", "Corey", "Jake", "Owen", "Reece", "Tyler", "Ashton",
    "Ibrahim", "Yusuf", "Omar", "Ali", "Hamza", "Zayn", "Ayaan", "Arjun",
    "Rohan", "Kacper", "Jakub", "Szymon", "Filip", "Antoni", "Mikolaj", "Tymon",
    "Eddie", "Alfred", "Ernie", "Harvey", "Jasper", "Felix", "Gabriel", "Ellis",
    "Caleb", "Blake", "Carter", "Miles", "Jesse", "Dominic", "Ralph",
};
const char* const kFamilyNames[] = {
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
    "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White",
    "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
    "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris",
    "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
    "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett",
    "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey",
    "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan",
    "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson",
    "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
    "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills",
    "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens",
    "Jenkins", "Murray", "Dixon", "Harvey", "Kowalski", "Nowak", "O'Brien", "McDonald",
    "Doherty", "Fletcher", "Hartley", "Pickering", "Ashworth", "Whitfield", "Brennan", "Molyneux",
    "Rowley", "Gallagher", "Heron", "Kenyon", "Horrocks", "Entwistle", "Sutcliffe", "Greenhalgh",
    "Birchall", "Cropper", "Dunn", "Rimmer", "Formby", "Seddon", "Mercer", "Tyrer",
    "Prescott", "Ainscough", "Haworth", "Crompton", "Whittle", "Riley", "Lowe", "Duffy",
    "Kinsella", "Farrell", "Moran", "Byrne", "Quinn", "Lynch", "McCarthy", "Walsh",
    "Nolan", "Kane", "Barrett", "Sheridan", "Regan", "Hale", "Jarvis", "Sharpe",
    "Booth", "Lawrence", "Howard", "Hayes", "Carr", "Holt", "Dean", "Rees",
    "Pearce", "Bradley", "Gibson", "Ford", "Burton", "Hart", "Francis", "Nicholson",
    "Atkinson", "Payne", "Glover", "Grant", "Reid", "Ross", "Stewart", "Hamilton",
    "Graham", "Kerr", "Moss", "Hudson", "Bates", "Day", "Rose", "Chambers",
    "Norris", "Stone", "Lamb", "Page", "Cole", "Wade", "Hutchinson", "Kaur",
    "Ahmed", "Iqbal", "Shah", "Rahman", "Akhtar", "Mahmood", "Riaz", "Chowdhury",
    "Miah", "Uddin", "Das", "Mistry", "Joshi", "Sharma", "Okafor", "Adeyemi",
    "Mensah", "Owusu", "Boateng", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski", "Zielinski",
    "Szymanski", "Dabrowski", "Popescu", "Ionescu", "Silva", "Santos", "Costa", "Ferreira",
    "Pereira", "Novak", "Horvat", "Fraser", "Sinclair", "Hewitt", "Lister", "Dobson",
    "Bamber", "Crossley", "Holden", "Kirkham", "Jolly", "Kennedy", "Pugh", "Vaughan",
    "Parry", "Lloyd-Jones", "Watkins", "Probert", "Bevan", "Gough", "Hopkins", "Meredith",
    "Wynne", "Preece", "Tudor", "Pritchard", "Humphreys", "Beattie", "Cassidy", "Devlin",
    "Gilmore", "Hanley", "Kearney", "Maguire", "McGrath", "McLaughlin",
};
const std::array kStreets = {"Meadow Close", "Orchard Way",  "Canal Street", "Mill Lane",   "Church View",
                             "Station Road", "Bridge Street", "Victoria Road", "Park Avenue", "Willow Grove",
                             "Beech Drive",  "Cedar Court",  "Heath Road",   "Ferry Lane",  "Castle Walk"};

struct SourceInfo {
    const char* code;
    int weight;
    const char* agency;
    const char* role;
};
const std::array kSources = {
    SourceInfo{"6", 30, "Police (public protection unit)", "Police officer"},
    SourceInfo{"2A", 17, "Primary school", "Designated safeguarding lead"},
    SourceInfo{"2B", 2, "Education welfare service", "Education welfare officer"},
    SourceInfo{"3A", 3, "GP practice", "GP"},
    SourceInfo{"3B", 4, "Health visiting service", "Health visitor"},
    SourceInfo{"3C", 2, "School nursing service", "School nurse"},
    SourceInfo{"3D", 2, "Community midwifery", "Midwife"},
    SourceInfo{"3E", 3, "Hospital emergency department", "Paediatric liaison nurse"},
    SourceInfo{"3F", 1, "Child and adolescent mental health service", "Practitioner"},
    SourceInfo{"4", 2, "Housing association", "Housing officer"},
    SourceInfo{"5A", 3, "Adult social care", "Social worker"},
    SourceInfo{"5B", 3, "Youth justice service", "Case manager"},
    SourceInfo{"5C", 2, "Another local authority", "Social worker"},
    SourceInfo{"5D", 4, "Early help service", "Family support worker"},
    SourceInfo{"1A", 5, "", "Relative"},
    SourceInfo{"1B", 3, "", "Neighbour"},
    SourceInfo{"1C", 1, "", "Self"},
    SourceInfo{"1D", 1, "", "Member of the public"},
    SourceInfo{"7", 3, "Probation service", "Probation officer"},
    SourceInfo{"8", 4, "Voluntary sector family service", "Project worker"},
    SourceInfo{"9", 2, "", ""},
    SourceInfo{"10", 1, "", ""},
};

struct ConcernTemplate {
    const char* sources;   ///< space-separated source codes or prefixes ("3" = any health source)
    const char* text;
    const char* indicator; ///< the threshold indicator a screener would select for it
};
const std::array kConcerns = {
    ConcernTemplate{"6", "Police attended a domestic incident at the home overnight. {child} was present and was heard "
                         "crying upstairs. Mother had a cut lip; her partner was arrested. DASH completed.", "DA_INSTABILITY"},
    ConcernTemplate{"6", "{child} was reported missing overnight and returned at 06:00 in a car with older males not "
                         "known to the family.", "MISSING_STARTED"},
    ConcernTemplate{"6", "Officers executing a warrant found the home in a poor state, with drug paraphernalia within "
                         "reach of {child}. Both parents were intoxicated.", "HOME_ILLEGAL"},
    ConcernTemplate{"2", "{child} came into school with a bruise on the left cheek and said a grown-up at home did it. "
                         "Teacher noticed {child} flinched when touched on the arm.", "ABUSE_DISCLOSURE"},
    ConcernTemplate{"2", "{child} has been late or absent on 14 of the last 30 school days. When in school {child} is "
                         "hungry and wears the same unwashed uniform.", "PERSISTENT_ABSENCE"},
    ConcernTemplate{"2", "{child} disclosed to a teaching assistant that mum's boyfriend hits mum and that {child} "
                         "hides under the bed.", "DA_INSTABILITY"},
    ConcernTemplate{"3", "Health visitor concerned that the home was very cold and cluttered, with little food in the "
                         "cupboards. Mother appeared low in mood and said she was not coping.", "EMERGING_NEGLECT"},
    ConcernTemplate{"3", "Attended the emergency department with a spiral fracture of the forearm; the explanation "
                         "given does not fit the injury.", "UNEXPLAINED_INJURY"},
    ConcernTemplate{"3", "Mother attended antenatal booking late at 28 weeks. She disclosed heroin use and that her "
                         "partner controls her money and phone.", "PREBIRTH"},
    ConcernTemplate{"3", "GP concerned about parental alcohol misuse: father attended appointments smelling of "
                         "alcohol with the baby.", "PARENT_SUBSTANCE_MISUSE"},
    ConcernTemplate{"3", "{child} told the school nurse that they have been self-harming and feel unsafe at home.", "LOW_MH_SELFHARM"},
    ConcernTemplate{"4", "The family have been given notice to leave their tenancy for rent arrears; neighbours report "
                         "shouting and a child left alone. Mother asks for help with housing and food.", "PARENT_STRUGGLING"},
    ConcernTemplate{"5", "Adult social care report that father has been admitted to a mental health unit; the children "
                         "are being looked after by a 16-year-old sibling.", "PARENT_MENTAL_HEALTH"},
    ConcernTemplate{"5", "Family support worker reports that the early help plan has stalled: the family have not "
                         "engaged for six weeks and school attendance is falling.", "EMERGING_NEGLECT"},
    ConcernTemplate{"5 7", "{child} has been seen with new phones and clothes the family cannot afford and has been "
                           "stopped with older teenagers carrying cannabis.", "CSE_VULNERABLE"},
    ConcernTemplate{"7", "Probation report that a man recently released, with convictions for violence against a "
                         "partner, has moved in with the family.", "RISK_PERSON"},
    ConcernTemplate{"1 9 10", "Neighbour reports hearing shouting and things being thrown most nights, and a young "
                              "child left alone in the garden for long periods.", "FAMILY_CONFLICT"},
    ConcernTemplate{"1 9 10", "Grandmother worried that {child} is often left with a series of different adults while "
                              "mum goes out, and came to her house hungry.", "EMERGING_NEGLECT"},
    ConcernTemplate{"8 1", "Children's centre worker noticed {child} has had the same untreated nappy rash for weeks "
                           "and mum seemed frightened of her partner collecting them.", "EMERGING_NEGLECT"},
};
const std::array kVoices = {
    "{child} said: \"I don't like it when they shout, I go in my room.\"",
    "{child} said they feel safe at school but not at home at night.",
    "{child} was quiet and would not talk about home; said \"I'm fine\" and asked to go back to class.",
    "{child} drew a picture of the family and left dad out of it.",
    "{child} said: \"Mum cries a lot. I make my own breakfast.\"",
    "{child} asked whether they would be in trouble for telling.",
};

int pick(Random& random, int n) { return static_cast<int>(random() % static_cast<uint64_t>(n)); }
bool chance(Random& random, double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; }

template <typename Array> const char* pickFrom(Random& random, const Array& items) {
    return items[static_cast<size_t>(pick(random, static_cast<int>(std::size(items))))];
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

// A concern of the kind this source raises ("3A" matches templates for "3").
const ConcernTemplate& concernFor(Random& random, const std::string& source) {
    std::vector<const ConcernTemplate*> fitting;
    for (const auto& concern : kConcerns) {
        std::string_view prefixes(concern.sources);
        size_t start = 0;
        while (start < prefixes.size()) {
            size_t end = prefixes.find(' ', start);
            if (end == std::string_view::npos)
                end = prefixes.size();
            const auto prefix = prefixes.substr(start, end - start);
            if (source.compare(0, prefix.size(), prefix) == 0 &&
                (prefix.size() > 1 || source.size() == 1 || !std::isdigit(static_cast<unsigned char>(source[1]))))
                fitting.push_back(&concern);
            start = end + 1;
        }
    }
    if (fitting.empty())
        return kConcerns[static_cast<size_t>(pick(random, static_cast<int>(kConcerns.size())))];
    return *fitting[static_cast<size_t>(pick(random, static_cast<int>(fitting.size())))];
}

const SourceInfo& pickSource(Random& random) {
    int total = 0;
    for (const auto& s : kSources)
        total += s.weight;
    int roll = pick(random, total);
    for (const auto& s : kSources) {
        if (roll < s.weight)
            return s;
        roll -= s.weight;
    }
    return kSources[0];
}

std::string randomPostcode(Random& random) {
    static const char* outward[] = {"WA7 ", "WA8 ", "WA7 ", "WA8 ", "WA4 ", "L24 "};
    const char letters[] = "ABDEFGHJLNPQRSTUWXYZ";
    std::string code = outward[pick(random, 6)];
    code += static_cast<char>('1' + pick(random, 9));
    code += letters[pick(random, 20)];
    code += letters[pick(random, 20)];
    return code;
}

std::string randomPhone(Random& random) {
    std::string phone = "07700 9";
    for (int i = 0; i < 5; ++i)
        phone += static_cast<char>('0' + pick(random, 10));
    return phone; // 07700 900000-900999 is Ofcom's range reserved for drama: never a real number
}

struct DemoChild {
    std::string given;
    std::string family;
    sys_days born;
    char sex;
    std::string personId; ///< empty until first recorded
};

struct DemoFamily {
    std::string family;
    std::string motherGiven;
    std::string fatherGiven;
    std::string fatherFamily;
    std::string address;
    std::string postcode;
    std::string ethnicity;
    std::vector<DemoChild> children;
    // The parents as people (registered with the family's first contact, linked on the later ones).
    std::string motherPersonId;
    std::string fatherPersonId;
};

// A parent's date of birth: 19 to 32 years before the eldest child, taken from the names rather than the
// random stream, so adding it left every other demo value as it was.
Date parentBirth(const DemoFamily& family, const std::string& given, int extraYears) {
    const auto seed = static_cast<int>(given.size() * 31 + family.family.size() * 17 +
                                       static_cast<unsigned char>(given.empty() ? 'a' : given[0]));
    return Date{family.children.front().born - days{365 * (19 + extraYears + seed % 14) + seed % 300}};
}

DemoFamily makeFamily(Random& random, sys_days start, sys_days end) {
    DemoFamily family;
    family.family = randomFamilyName(random);
    family.motherGiven = randomGivenName(random, true);
    family.fatherGiven = randomGivenName(random, false);
    family.fatherFamily = chance(random, 0.6) ? family.family : randomFamilyName(random);
    family.address = std::to_string(1 + pick(random, 120)) + " " + pickFrom(random, kStreets) + ", Runcorn";
    family.postcode = randomPostcode(random);
    static const char* ethnicities[] = {"WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WOTH",
                                        "MWBC", "APKN", "BAFR", "WIRT", "NOBT", "MOTH", "AIND", "WROM"};
    family.ethnicity = ethnicities[pick(random, 16)];
    const int roll = pick(random, 100);
    const int childCount = roll < 45 ? 1 : roll < 75 ? 2 : roll < 92 ? 3 : 4;
    // The eldest is born up to 16 years before the family first comes to notice; the rest follow.
    sys_days born = start - days{pick(random, 16 * 365)};
    for (int i = 0; i < childCount; ++i) {
        const bool female = chance(random, 0.5);
        DemoChild child{randomGivenName(random, female),
                        chance(random, 0.85) ? family.family : family.fatherFamily, born, female ? 'F' : 'M', ""};
        family.children.push_back(child);
        born += days{300 + pick(random, 4 * 365)};
        if (born > end)
            break;
    }
    return family;
}

sys_time<milliseconds> receiptTime(Random& random, sys_days day) {
    // Most contacts arrive in office hours; about one in five out of hours, for the EDT.
    const bool outOfHours = chance(random, 0.2);
    const int minute = outOfHours ? (pick(random, 2) ? pick(random, 8 * 60) : 17 * 60 + pick(random, 7 * 60))
                                  : 8 * 60 + 45 + pick(random, 8 * 60);
    return sys_time<milliseconds>{day + minutes{minute} + seconds{pick(random, 60)}};
}

std::string pickOutcome(Random& random, const std::string& source) {
    int roll = pick(random, 1000);
    if (source == "6")
        roll = std::max(0, roll - 50); // police notifications more often need social care
    if (roll < 280)
        return "no_further_action";
    if (roll < 470)
        return "information_advice_signposting";
    if (roll < 680)
        return "early_help";
    if (roll < 890)
        return "child_and_family_assessment";
    if (roll < 975)
        return "strategy_discussion";
    if (roll < 982)
        return "immediate_protection";
    if (roll < 996)
        return "open_case";
    return "private_fostering_assessment";
}

// A contact received in the last few days, to be taken some way through the workflow so that the
// demo's queues hold realistic open work.
struct OpenContact {
    std::string id;
    Instant receivedAt;
    std::string indicator;
    bool outOfHours;
    bool anonymous; ///< no referrer to tell the outcome
};

void progressOpenWork(Workspace& workspace, std::vector<OpenContact>& open, Random& random) {
    std::sort(open.begin(), open.end(), [](const auto& a, const auto& b) { return a.receivedAt < b.receivedAt; });
    ContactWorkflow workflow(workspace);
    ScreeningDecisionService screening(workspace);
    const Actor screeners[] = {{"sam.screener", "screener"}, {"jo.screener", "screener"}};
    const Actor managers[] = {{"mo.manager", "duty_manager"}, {"dee.manager", "duty_manager"}};
    const Instant lastOpening = workspace.deadlines().calendar().nextOpening(workspace.clock().now() - hours{24});
    Transaction transaction(workspace.db());
    for (size_t i = 0; i < open.size(); ++i) {
        const OpenContact& contact = open[i];
        // Night-time handovers are acknowledged, except those from the last night.
        if (contact.outOfHours && contact.receivedAt < lastOpening && pick(random, 10) != 0)
            workflow.acknowledgeHandover(managers[pick(random, 2)], contact.id, "Read at the morning meeting.");
        // The newest stay waiting to be picked up; older ones are further along, though a few are stuck
        // (and so overdue), as on any busy week.
        const double age = static_cast<double>(i) / static_cast<double>(std::max<size_t>(open.size(), 1));
        if (age > 0.7 || pick(random, 8) == 0)
            continue;
        const Actor& screener = screeners[pick(random, 2)];
        workflow.startScreening(screener, contact.id);
        if (age > 0.5)
            continue;
        // Now and then the screener finds more than the referrer said: a disclosure of abuse, which
        // calls for a strategy discussion, so the demo has discussions to schedule.
        const std::string indicator = i % 5 == 0 ? "ABUSE_DISCLOSURE" : contact.indicator;
        const Json suggestion = screening.screenRecorded(contact.id, {{"indicators", {indicator}}}).toJson();
        workflow.recommend(screener, contact.id,
                           {{"indicators", {indicator}},
                            {"level", suggestion["level"]},
                            {"outcome", suggestion["outcome"]},
                            {"rag", suggestion["rag"]},
                            {"recommendation", "Recommend " + outcomeLabel(suggestion["outcome"].get<std::string>()) +
                                                   ": the concern and the history support it."}});
        if (age > 0.3)
            continue;
        const std::string by = pick(random, 2) ? "Sam Screener" : "Jo Screener";
        const auto byWhen = utcDate(workspace.clock().now() + days{3});
        workflow.signOff(managers[pick(random, 2)], contact.id,
                         {{"case_direction", {{"what", "Proceed as recommended; update the family and the referrer."},
                                              {"by_whom", by},
                                              {"by_when", formatDate(byWhen)}}}});
        if (suggestion["strategy_discussion"] == true && pick(random, 2) == 0)
            StrategyDiscussions(workspace).schedule(
                managers[0], contact.id,
                {{"scheduled_for", formatInstant(workspace.clock().now() + hours{2})},
                 {"location", "Teams call; details sent to all invitees"},
                 {"invitees", Json::array({{{"agency", "police"}, {"name", "DS Harper Quinn"}, {"role", "officer"}},
                                           {{"agency", "health"}, {"name", "Nurse Priya Dass"}, {"role", "safeguarding nurse"}},
                                           {{"agency", "childrens_social_care"}, {"name", by}, {"role", "social_worker"}},
                                           {{"agency", "childrens_social_care"}, {"name", "Mo Manager"}, {"role", "manager"}}})}});
        if (age < 0.15 && pick(random, 2) == 0 && !contact.anonymous)
            workflow.informReferrer(screener, contact.id, {{"how", "phone"}, {"note", "Outcome explained."}});
    }
    transaction.commit();
}

} // namespace

std::string randomGivenName(Random& random, bool female) {
    return female ? pickFrom(random, kFemaleNames) : pickFrom(random, kMaleNames);
}

std::string randomFamilyName(Random& random) { return pickFrom(random, kFamilyNames); }

std::string misspellName(const std::string& name, Random& random) {
    static const std::pair<const char*, const char*> soundAlikes[] = {
        {"ith", "yth"}, {"ie", "y"},   {"y", "ie"},   {"ph", "f"},  {"son", "sen"}, {"ll", "l"},
        {"ck", "k"},    {"Jo", "Jho"}, {"ei", "ie"},  {"ae", "ay"}, {"ey", "y"},    {"ia", "ya"},
        {"ohn", "on"},  {"on", "ohn"}, {"ar", "er"},  {"C", "K"},   {"mm", "m"},    {"tt", "t"}};
    if (name.size() < 3)
        return name;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto& [from, to] = soundAlikes[pick(random, static_cast<int>(std::size(soundAlikes)))];
        const auto pos = name.find(from);
        if (pos != std::string::npos)
            return name.substr(0, pos) + to + name.substr(pos + std::char_traits<char>::length(from));
    }
    std::string slip = name;
    const size_t pos = 1 + static_cast<size_t>(pick(random, static_cast<int>(name.size()) - 2));
    switch (pick(random, 3)) {
    case 0:
        slip.erase(pos, 1); // a letter dropped
        break;
    case 1:
        slip.insert(pos, 1, slip[pos]); // a letter doubled
        break;
    default:
        std::swap(slip[pos], slip[pos + 1 < slip.size() ? pos + 1 : pos - 1]); // two letters swapped
        break;
    }
    return slip;
}

const std::vector<DemoUser>& demoUsers() {
    static const std::vector<DemoUser> users = {
        {"sam.screener", "Sam Screener", "screener", "417205"},
        {"jo.screener", "Jo Screener", "screener", "417205"},
        {"mo.manager", "Mo Manager", "duty_manager", "582936"},
        {"dee.manager", "Dee Manager", "duty_manager", "582936"},
        {"eve.edt", "Eve Night", "edt_worker", "630418"},
        {"ada.admin", "Ada Admin", "administrator", "749163"},
        {"aud.auditor", "Aud Auditor", "auditor", "851274"},
    };
    return users;
}

std::optional<std::string> demoRefusal(Workspace& workspace) {
    if (workspace.mode() != DatabaseMode::Demo)
        return workspace.db().path() + " is a " + toString(workspace.mode()) +
               " database: demo users and data go only into a demo database, made with "
               "frontdoor-cli init --demo --db NEW-FILE";
    const int64_t newest = workspace.db().queryInt("SELECT max(seq) FROM facts").value_or(0);
    const int64_t demoMade =
        workspace.db().queryInt("SELECT CAST(value AS INTEGER) FROM local_setting WHERE key = 'demo_last_fact'")
            .value_or(0);
    if (newest > demoMade)
        return workspace.db().path() + " holds " + std::to_string(newest - demoMade) +
               " fact(s) that demo did not make (users or records added since): demo data is added only to a "
               "demo database that holds nothing else";
    return std::nullopt;
}

void rememberDemoFacts(Workspace& workspace) {
    const int64_t newest = workspace.db().queryInt("SELECT max(seq) FROM facts").value_or(0);
    workspace.db()
        .prepare("INSERT INTO local_setting(key, value) VALUES ('demo_last_fact', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bindAll(std::to_string(newest))
        .run();
}

bool addDemoUsers(Workspace& workspace, const std::string& alsoAccount, const std::optional<Actor>& administrator) {
    UserService users(workspace);
    if (users.anyUsers()) {
        if (!administrator)
            throw ForbiddenError("Adding demo data to a database with users needs an administrator");
        users.require(*administrator, {"administrator"}, "Adding demo data");
        bool added = false;
        Transaction transaction(workspace.db());
        for (const auto& user : demoUsers())
            if (!users.find(user.id)) {
                users.add(*administrator, user.id, user.displayName, splitList(user.roles), user.pin);
                added = true;
            }
        transaction.commit();
        return added;
    }
    Transaction transaction(workspace.db());
    const Actor admin{"ada.admin", "administrator"};
    users.add(std::nullopt, "ada.admin", "Ada Admin", {"administrator"}, "749163");
    for (const auto& user : demoUsers())
        if (std::string(user.id) != "ada.admin")
            users.add(admin, user.id, user.displayName, splitList(user.roles), user.pin);
    if (!alsoAccount.empty() && !users.find(alsoAccount))
        users.add(admin, alsoAccount, alsoAccount + " (this computer's account)", {"screener", "duty_manager"},
                  "294716");
    transaction.commit();
    return true;
}

DemoSummary generateDemoData(Workspace& workspace, const DemoOptions& options) {
    const auto started = steady_clock::now();
    Random random(options.seed);
    ContactService contacts(workspace);
    const auto now = workspace.clock().now();
    const sys_days today = floor<days>(now);
    const sys_days first = today - days{365 * options.years};
    const Actor screeners[] = {{"sam.screener", "screener"}, {"jo.screener", "screener"}};
    // The demo's history stands for contacts decided in an earlier system before the desk began using
    // Frontdoor, imported by the administrator as a council would on switching over.
    const Actor historyImporter{"ada.admin", "administrator"};

    ContactWorkflow workflow(workspace);
    const Actor edt{"eve.edt", "edt_worker"};
    std::vector<OpenContact> openWork;
    int placedRecently = 0;
    DemoSummary summary;
    std::unique_ptr<Transaction> batch;
    int inBatch = 0;
    while (summary.contacts < options.contacts) {
        DemoFamily family = makeFamily(random, first + days{pick(random, 365 * options.years)}, today);
        ++summary.families;
        // Contacts about one family: often one, sometimes a run of them months apart.
        const int roll = pick(random, 100);
        const int familyContacts = roll < 40 ? 1 : roll < 60 ? 2 : roll < 74 ? 3 : roll < 84 ? 4 : 5 + pick(random, 8);
        sys_days day = first + days{pick(random, 365 * options.years)};
        for (int c = 0; c < familyContacts && summary.contacts < options.contacts && day < today + days{1}; ++c) {
            // Some families' latest contact is this week's work, so the queues have something in them.
            if (c + 1 == familyContacts && placedRecently < options.openContacts && chance(random, 0.5)) {
                day = std::max(day, today - days{pick(random, options.openDays)});
                ++placedRecently;
            }
            const auto receivedAt = std::min(receiptTime(random, day), now - minutes{5});
            day += days{7 + pick(random, 240)};
            const sys_days receivedDay = floor<days>(receivedAt);
            // Children named: those born or due within eight months, under 18; often all, sometimes one.
            std::vector<size_t> named;
            for (size_t i = 0; i < family.children.size(); ++i) {
                const auto& child = family.children[i];
                if (child.born <= receivedDay + days{240} && child.born > receivedDay - days{18 * 365})
                    named.push_back(i);
            }
            if (named.empty())
                continue;
            if (named.size() > 1 && chance(random, 0.35))
                named = {named[static_cast<size_t>(pick(random, static_cast<int>(named.size())))]};

            const SourceInfo& source = pickSource(random);
            const std::string sourceCode = source.code;
            Json children = Json::array();
            std::string firstChildName;
            for (size_t index : named) {
                DemoChild& child = family.children[index];
                const bool unborn = child.born > receivedDay;
                Json json{{"family_name", child.family}, {"sex", unborn ? "U" : std::string(1, child.sex)},
                          {"ethnicity", family.ethnicity}, {"address", family.address},
                          {"postcode", family.postcode}};
                std::string given = child.given;
                const bool linked = !child.personId.empty() && !chance(random, options.unlinkedRate);
                if (!child.personId.empty() && chance(random, options.misspeltRate))
                    given = misspellName(given, random);
                if (linked)
                    json["id"] = child.personId;
                if (unborn) {
                    json["unborn"] = true;
                    json["expected_date"] = formatDate(Date{child.born + days{pick(random, 15) - 7}});
                    json["given_name"] = "";
                } else {
                    json["given_name"] = given;
                    json["date_of_birth"] = formatDate(Date{child.born});
                    const int ageYears = static_cast<int>((receivedDay - child.born).count() / 365);
                    if (ageYears >= 3 && chance(random, 0.7))
                        json["voice"] = replaceAll(pickFrom(random, kVoices), "{child}", given);
                    else
                        json["voice_missing_reason"] = ageYears < 3 ? "Pre-verbal; presented as alert and settled "
                                                                      "with carer"
                                                                    : "Not yet seen; referrer did not speak to the child";
                }
                if (firstChildName.empty())
                    firstChildName = unborn ? "the unborn baby" : given;
                children.push_back(json);
            }
            const ConcernTemplate& concern = concernFor(random, sourceCode);
            Json input{{"received_at", formatInstant(receivedAt)},
                       {"channel", sourceCode == "6" ? "police_notification"
                                   : sourceCode[0] == '1' || sourceCode == "9" ? "phone"
                                   : pick(random, 3) == 0 ? "email" : pick(random, 2) ? "phone" : "portal"},
                       {"source", sourceCode},
                       {"children", children},
                       {"concern", replaceAll(concern.text, "{child}", firstChildName)}};
            if (sourceCode != "9") {
                Json referrer{{"name", randomGivenName(random, chance(random, 0.7)) + " " + randomFamilyName(random)},
                              {"phone", randomPhone(random)}};
                if (*source.agency)
                    referrer["agency"] = source.agency;
                if (*source.role)
                    referrer["role"] = source.role;
                if (sourceCode[0] == '1')
                    referrer["withhold_identity_from_family"] = true;
                input["referrer"] = referrer;
            }
            Json adults = Json::array();
            adults.push_back({{"given_name", family.motherGiven}, {"family_name", family.family},
                              {"relationship", "mother"}, {"parental_responsibility", "yes"},
                              {"lives_with_child", true}, {"phone", randomPhone(random)},
                              {"date_of_birth", formatDate(parentBirth(family, family.motherGiven, 0))},
                              {"address", family.address}, {"postcode", family.postcode}});
            if (!family.motherPersonId.empty())
                adults.back()["person_id"] = family.motherPersonId;
            const bool fatherNamed = chance(random, 0.6);
            if (fatherNamed) {
                adults.push_back({{"given_name", family.fatherGiven}, {"family_name", family.fatherFamily},
                                  {"relationship", chance(random, 0.7) ? "father" : "parent_partner"},
                                  {"parental_responsibility", chance(random, 0.7) ? "yes" : "unknown"},
                                  {"lives_with_child", chance(random, 0.5)},
                                  {"date_of_birth", formatDate(parentBirth(family, family.fatherGiven, 2))}});
                if (!family.fatherPersonId.empty())
                    adults.back()["person_id"] = family.fatherPersonId;
            }
            input["adults"] = adults;
            const int consentRoll = pick(random, 100);
            if (consentRoll < 55)
                input["consent"] = {{"status", "given"}};
            else if (consentRoll < 75)
                input["consent"] = {{"status", "not_sought"},
                                    {"basis_without_consent", "Asking could place the child at risk of harm"}};
            else if (consentRoll < 80)
                input["consent"] = {{"status", "refused"},
                                    {"basis_without_consent", "Risk of significant harm outweighs refusal"}};
            else
                input["consent"] = {{"status", "not_known"}};

            if (!batch)
                batch = std::make_unique<Transaction>(workspace.db());
            const bool recent = receivedAt >= now - days{options.openDays};
            const bool outOfHours = !workspace.deadlines().calendar().isOpen(receivedAt);
            const RecordedContact recorded =
                recent && outOfHours
                    ? workflow.recordOutOfHours(edt, input,
                                                {{"already_done", "Spoke to the parent by phone and checked police "
                                                                  "systems; the children are safe tonight."},
                                                 {"handover_note", "Needs screening and partner checks in the "
                                                                   "morning; the family expect a call."}})
                    : contacts.record(screeners[pick(random, 2)], input);
            if (recent)
                openWork.push_back({recorded.contactId, receivedAt, concern.indicator, outOfHours, sourceCode == "9"});
            for (size_t i = 0; i < named.size(); ++i)
                if (family.children[named[i]].personId.empty())
                    family.children[named[i]].personId = recorded.personIds[i];
            if (family.motherPersonId.empty() && !recorded.adultPersonIds.empty())
                family.motherPersonId = recorded.adultPersonIds[0];
            if (fatherNamed && family.fatherPersonId.empty() && recorded.adultPersonIds.size() > 1)
                family.fatherPersonId = recorded.adultPersonIds[1];
            summary.people += static_cast<int>(recorded.newPersonIds.size());
            ++summary.contacts;
            if (!recent) {
                const auto decidedAt = receivedAt + hours{2 + pick(random, 26)};
                contacts.importOutcome(historyImporter, recorded.contactId, pickOutcome(random, sourceCode),
                                       std::min(decidedAt, now - minutes{1}), "");
            }
            if (++inBatch >= options.batchSize) {
                batch->commit();
                batch.reset();
                inBatch = 0;
                if (options.progress)
                    options.progress(summary.contacts);
            }
        }
    }
    if (batch)
        batch->commit();
    progressOpenWork(workspace, openWork, random);
    if (options.progress)
        options.progress(summary.contacts);
    summary.seconds = duration<double>(steady_clock::now() - started).count();
    return summary;
}

} // namespace frontdoor::core
